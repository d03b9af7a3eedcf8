namespace BlueGreen.Local;

/// <summary>How a Step Functions execution stands (from DescribeExecution).</summary>
public sealed record ExecutionResult(string ExecutionArn, string Status, string? Output, string? Error, string? Cause);
