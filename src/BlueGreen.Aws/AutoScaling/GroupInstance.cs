namespace BlueGreen.Aws.AutoScaling;

/// <param name="LifecycleState">"Pending", "InService", "Terminating"... as Auto Scaling names them.</param>
/// <param name="HealthStatus">"Healthy" or "Unhealthy".</param>
public sealed record GroupInstance(
    string InstanceId,
    string LifecycleState,
    string HealthStatus,
    string? AvailabilityZone,
    string? InstanceType,
    LaunchTemplateReference? LaunchTemplate,
    string? LaunchConfigurationName,
    bool ProtectedFromScaleIn);
