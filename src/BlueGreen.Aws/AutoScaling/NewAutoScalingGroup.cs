namespace BlueGreen.Aws.AutoScaling;

/// <summary>What CreateAutoScalingGroup needs; set <see cref="LaunchTemplate"/>, <see cref="MixedInstancesPolicy"/>
/// or (for groups made the old way, as the local sample can) <see cref="LaunchConfigurationName"/>.</summary>
public sealed record NewAutoScalingGroup(string Name, int MinSize, int MaxSize)
{
    public LaunchTemplateReference? LaunchTemplate { get; init; }

    public MixedInstancesPolicy? MixedInstancesPolicy { get; init; }

    public string? LaunchConfigurationName { get; init; }

    public int? DesiredCapacity { get; init; }

    /// <summary>Subnets (VPCZoneIdentifier); without them, <see cref="AvailabilityZones"/> of the default VPC.</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    public IReadOnlyList<string> AvailabilityZones { get; init; } = [];

    /// <summary>"EC2" or "ELB"; null leaves the service default (EC2).</summary>
    public string? HealthCheckType { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    public IReadOnlyList<string> TerminationPolicies { get; init; } = [];

    public IReadOnlyList<string> TargetGroupArns { get; init; } = [];

    public IReadOnlyList<GroupTag> Tags { get; init; } = [];

    /// <summary>Hooks in place before the first instance launches, so none escapes them.</summary>
    public IReadOnlyList<LifecycleHook> LifecycleHooks { get; init; } = [];

    public bool? NewInstancesProtectedFromScaleIn { get; init; }
}
