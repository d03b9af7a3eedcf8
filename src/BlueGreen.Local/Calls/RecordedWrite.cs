namespace BlueGreen.Local.Calls;

/// <summary>One mutating call as the gateway received it, in arrival order: what tests read to see
/// the sequence of weights or records a deployment wrote, and when.</summary>
/// <param name="Function">The in-process Lambda function that made it, if one did.</param>
/// <param name="Path">The request path (REST APIs such as Route 53 name the resource there).</param>
/// <param name="Body">The request body as text (form, JSON or XML).</param>
public sealed record RecordedWrite(DateTimeOffset At, string Service, string Operation, string? Function, string Path, string Body);
