namespace BlueGreen.Aws.StepFunctions;

/// <param name="Input">JSON text.</param>
/// <param name="Output">JSON text; null until the execution succeeds.</param>
/// <param name="Error">Error name of a failed execution, e.g. "GreenUnhealthy".</param>
public sealed record Execution(
    string Arn,
    string StateMachineArn,
    string Name,
    ExecutionStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    string? Input,
    string? Output,
    string? Error,
    string? Cause);
