namespace BlueGreen.Local.Gateway;

/// <summary>Requests checked, the distinct operations (service:Operation) and each violation's message.</summary>
public sealed record WireSnapshot(bool Enabled, long Checked, IReadOnlyList<string> Operations, IReadOnlyList<string> Violations)
{
    /// <summary>Each in-process function's checked calls, as signing-name:Operation
    /// ("autoscaling:CreateAutoScalingGroup", "monitoring:DescribeAlarms"): the IAM coverage tests read these.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Functions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
