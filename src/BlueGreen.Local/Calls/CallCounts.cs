namespace BlueGreen.Local.Calls;

/// <summary>A snapshot of the gateway's call counts; serialised as-is by GET /_bluegreen/calls.
/// Total = Mutating + ReadOnly + Announcements: events:PutEvents and sns:Publish tell people what
/// happened and change no resource, so they are counted apart from the writes.</summary>
public sealed record CallCounts(
    int Total,
    int Mutating,
    int ReadOnly,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Services)
{
    public int Announcements { get; init; }

    public int Count(string service, string operation) =>
        Services.TryGetValue(service, out var operations) && operations.TryGetValue(operation, out var n) ? n : 0;
}
