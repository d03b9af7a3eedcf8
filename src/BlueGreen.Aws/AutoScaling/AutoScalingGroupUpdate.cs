namespace BlueGreen.Aws.AutoScaling;

/// <summary>UpdateAutoScalingGroup: only the properties that are set change.</summary>
public sealed record AutoScalingGroupUpdate(string Name)
{
    public LaunchTemplateReference? LaunchTemplate { get; init; }

    public MixedInstancesPolicy? MixedInstancesPolicy { get; init; }

    public int? MinSize { get; init; }

    public int? MaxSize { get; init; }

    public int? DesiredCapacity { get; init; }

    public IReadOnlyList<string>? SubnetIds { get; init; }

    public string? HealthCheckType { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    public IReadOnlyList<string>? TerminationPolicies { get; init; }

    public bool? NewInstancesProtectedFromScaleIn { get; init; }
}
