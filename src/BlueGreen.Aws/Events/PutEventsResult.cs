namespace BlueGreen.Aws.Events;

/// <summary>What PutEvents made of each event.</summary>
/// <param name="FailedEntryCount">How many of <paramref name="Entries"/> the service refused.</param>
/// <param name="Entries">One per event put, in the same order.</param>
public sealed record PutEventsResult(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
