namespace BlueGreen.Core.Requests;

/// <summary>
/// A deployment execution that ended without finishing its own workflow, read from Step Functions'
/// <c>Step Functions Execution Status Change</c> event (the rule in serverless.template sends only
/// ABORTED and TIMED_OUT of our state machine). The execution that receives it cleans the stopped
/// one up instead of deploying anything.
/// </summary>
/// <param name="Status">"ABORTED" or "TIMED_OUT".</param>
/// <param name="Error">StopExecution's error, e.g. who stopped it (<c>bluegreen abort</c> sends "DeploymentAborted").</param>
/// <param name="Cause">StopExecution's cause: why, in words.</param>
public sealed record StoppedExecution(
    string ExecutionArn,
    string? StateMachineArn,
    string? Name,
    string Status,
    string? Error,
    string? Cause,
    DateTimeOffset? StoppedAt,
    string? EventId)
{
    public const string Aborted = "ABORTED";
    public const string TimedOut = "TIMED_OUT";

    /// <summary>"was stopped" / "timed out", for messages.</summary>
    public string Ending => Status == TimedOut ? "timed out" : "was stopped";
}
