namespace BlueGreen.Aws.LoadBalancing;

/// <param name="State">"initial", "healthy", "unhealthy", "unused", "draining", "unavailable".</param>
/// <param name="Reason">Why it is not healthy, e.g. "Target.FailedHealthChecks"; null when healthy.</param>
public sealed record TargetHealth(string TargetId, int? Port, string State, string? Reason, string? Description);
