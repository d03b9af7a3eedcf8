namespace BlueGreen.Core.Health;

/// <summary>An instance that does not count as healthy, and every reason why.</summary>
public sealed record UnhealthyInstance(string InstanceId, IReadOnlyList<string> Reasons);
