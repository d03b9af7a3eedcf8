using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// The green group as a copy of blue: sizes, subnets (or zones), health check, termination
/// policies, mixed-instances policy with green's template, lifecycle hooks and tags. Never
/// blue's target groups: ShiftTraffic attaches green to the traffic path later.
/// </summary>
public static class GreenGroupSpec
{
    public static NewAutoScalingGroup From(
        AutoScalingGroup blue, string greenName, LaunchTemplateSpec template, IReadOnlyList<LifecycleHook> hooks, IReadOnlyList<GroupTag> tags)
    {
        var reference = new LaunchTemplateReference(template.Id, Version: template.Version);
        return new NewAutoScalingGroup(greenName, blue.MinSize, blue.MaxSize)
        {
            LaunchTemplate = blue.MixedInstancesPolicy is null ? reference : null,
            MixedInstancesPolicy = blue.MixedInstancesPolicy is { } policy ? policy with { LaunchTemplate = reference } : null,
            DesiredCapacity = blue.DesiredCapacity,
            SubnetIds = blue.SubnetIds,
            AvailabilityZones = blue.SubnetIds.Count == 0 ? blue.AvailabilityZones : [],
            HealthCheckType = blue.HealthCheckType,
            HealthCheckGracePeriodSeconds = blue.HealthCheckGracePeriodSeconds,
            TerminationPolicies = blue.TerminationPolicies,
            TargetGroupArns = [],
            Tags = tags,
            LifecycleHooks = hooks,
        };
    }
}
