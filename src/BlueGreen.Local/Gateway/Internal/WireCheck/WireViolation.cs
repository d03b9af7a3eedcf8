namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>One way a request breaks its operation's input shape: where (a parameter path such as
/// <c>Tags.member.1.Key</c>) and which rule.</summary>
internal sealed record WireViolation(string Path, string Rule)
{
    public override string ToString() => $"{Path}: {Rule}";
}
