namespace BlueGreen.Aws.StepFunctions;

/// <param name="Type">"ExecutionStarted", "TaskStateEntered", "ExecutionFailed"...</param>
/// <param name="StateName">For state entered/exited events.</param>
/// <param name="Details">The event's type-specific details object as JSON text, if any.</param>
public sealed record HistoryEvent(
    long Id,
    long? PreviousEventId,
    string Type,
    DateTimeOffset? Timestamp,
    string? StateName,
    string? Details);
