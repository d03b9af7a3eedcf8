namespace BlueGreen.Core.Health;

/// <summary>
/// What AWS says about one green instance: its ASG lifecycle state (<c>InService</c>,
/// <c>Pending</c>, ...), its ASG health status (<c>Healthy</c>/<c>Unhealthy</c>, null if unknown)
/// and its state in each target group by ARN (<c>initial</c>, <c>healthy</c>, <c>unhealthy</c>,
/// <c>unused</c>, <c>draining</c>, <c>unavailable</c>); a target group it is missing from means
/// it is not registered there.
/// </summary>
public sealed record InstanceHealth(
    string InstanceId,
    string LifecycleState,
    string? HealthStatus,
    IReadOnlyDictionary<string, string> TargetHealth);
