namespace BlueGreen.Aws.StepFunctions;

public static class ExecutionStatusNames
{
    /// <summary>The status as Step Functions spells it: "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT",
    /// "ABORTED", "PENDING_REDRIVE".</summary>
    public static string ToWire(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => "PENDING_REDRIVE",
    };
}
