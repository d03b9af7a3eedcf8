using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Local;

/// <summary>How a Step Functions execution stands (from DescribeExecution), its status as AWS
/// spells it ("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE").</summary>
public sealed record ExecutionResult(string ExecutionArn, string Status, string? Output, string? Error, string? Cause)
{
    public static ExecutionResult Of(Execution execution) => new(
        execution.Arn,
        execution.Status.ToWire(),
        execution.Output,
        execution.Error,
        execution.Cause);
}
