namespace BlueGreen.Aws.AutoScaling;

/// <summary>An Auto Scaling group as described; launched from exactly one of
/// <see cref="LaunchTemplate"/>, <see cref="MixedInstancesPolicy"/> or <see cref="LaunchConfigurationName"/>.</summary>
public sealed record AutoScalingGroup(
    string Name,
    string? Arn,
    LaunchTemplateReference? LaunchTemplate,
    MixedInstancesPolicy? MixedInstancesPolicy,
    string? LaunchConfigurationName,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    IReadOnlyList<string> AvailabilityZones,
    IReadOnlyList<string> SubnetIds,
    string HealthCheckType,
    int? HealthCheckGracePeriodSeconds,
    IReadOnlyList<string> TerminationPolicies,
    IReadOnlyList<string> TargetGroupArns,
    IReadOnlyList<GroupTag> Tags,
    IReadOnlyList<GroupInstance> Instances,
    DateTimeOffset? CreatedAt,
    string? Status)
{
    /// <summary>Whether instances the group launches start protected from scale-in.</summary>
    public bool NewInstancesProtectedFromScaleIn { get; init; }
}
