namespace BlueGreen.Aws.StepFunctions;

/// <summary>One execution as ListExecutions lists it (no input or output: DescribeExecution has those).</summary>
public sealed record ExecutionSummary(string Arn, string Name, ExecutionStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt);
