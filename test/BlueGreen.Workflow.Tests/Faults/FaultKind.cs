namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>The three ways one call can go wrong in the matrix (DESIGN §7).</summary>
public enum FaultKind
{
    /// <summary>The call is throttled twice, then answers: every retry layer should absorb it.</summary>
    ThrottledThenRecovered,

    /// <summary>HTTP 500 until the step's own client retries and the ASL Retry have both run out,
    /// then the fault is gone, so RollBack can do its work.</summary>
    ServerErrorUntilRetriesExhausted,

    /// <summary>The call takes effect but its answer is replaced by a 500, once: the retry must
    /// find what the first attempt did.</summary>
    AnswerLost,
}
