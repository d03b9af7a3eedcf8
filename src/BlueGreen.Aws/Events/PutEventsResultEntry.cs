namespace BlueGreen.Aws.Events;

/// <summary>One event's outcome: an id when it was accepted, an error code and message when not.</summary>
/// <param name="ErrorCode">e.g. "InvalidArgument", "MalformedDetail", "ThrottlingException".</param>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode = null, string? ErrorMessage = null)
{
    public bool Succeeded => ErrorCode is null;
}
