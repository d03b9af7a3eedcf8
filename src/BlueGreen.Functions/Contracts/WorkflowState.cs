using System.Text.Json.Serialization;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// The execution's state document, as every Lambda after NormalizeRequest receives it (the task's
/// input is the whole of <c>$</c>). Each state adds its own part at its ResultPath, named here:
/// <c>$.lock</c>, <c>$.live</c>, <c>$.green</c>, <c>$.codeDeploy</c>, <c>$.progress</c>,
/// <c>$.traffic</c>, <c>$.promoted</c>, <c>$.retireFailure</c>, and on the rollback branch <c>$.failure</c>. The ASL depends on these names.
/// </summary>
public sealed record WorkflowState : IDeploymentInput
{
    public required Deployment Deployment { get; init; }

    public LockHeld? Lock { get; init; }

    public LiveFleet? Live { get; init; }

    public GreenFleet? Green { get; init; }

    public CodeDeployRun? CodeDeploy { get; init; }

    /// <summary>The current wait loop's progress (the previous check's result), null on its first check.</summary>
    public Progress? Progress { get; init; }

    public TrafficShift? Traffic { get; init; }

    /// <summary>What PromoteGreen did (<c>$.promoted</c>); the watch before blue retires counts from it.</summary>
    public Promoted? Promoted { get; init; }

    /// <summary>What a Catch recorded: Step Functions names the fields Error and Cause.</summary>
    public StepFailure? Failure { get; init; }

    /// <summary>What RetireBlue's Catch recorded (<c>$.retireFailure</c>): after the point of no
    /// return a failure is reported in the outcome, never rolled back.</summary>
    public StepFailure? RetireFailure { get; init; }

    /// <summary>What RollBack's own Catch recorded when its retries ran out (<c>$.rollbackFailure</c>).</summary>
    public StepFailure? RollbackFailure { get; init; }
}

/// <summary>The error a Catch caught (<c>ResultPath: "$.failure"</c>).</summary>
public sealed record StepFailure(
    [property: JsonPropertyName("Error")] string Error,
    [property: JsonPropertyName("Cause")] string? Cause);
