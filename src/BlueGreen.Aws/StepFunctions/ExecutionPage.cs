namespace BlueGreen.Aws.StepFunctions;

/// <summary>One page of ListExecutions, newest first; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Executions, string? NextToken);
