namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>An AWS request as sent: what the wire checker reads. Headers are case-insensitive.</summary>
internal sealed record WireRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
