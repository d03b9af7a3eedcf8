namespace BlueGreen.Local.Gateway;

/// <summary>Requests checked, the distinct operations (service:Operation) and each violation's message.</summary>
public sealed record WireSnapshot(bool Enabled, long Checked, IReadOnlyList<string> Operations, IReadOnlyList<string> Violations);
