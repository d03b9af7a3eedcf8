namespace BlueGreen.Aws.Internal.Errors;

/// <summary>An error as read from one wire format, before it is classified.</summary>
internal sealed record WireError(string Code, string Message, string? RequestId);
