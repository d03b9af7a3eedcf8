using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Core.Health;

namespace BlueGreen.Functions.Health;

/// <summary>
/// Reads what AWS says about a fleet's instances, in the shape Core's <see cref="HealthRule"/>
/// judges: lifecycle and health status from the group, and each instance's state in every given
/// target group (an instance absent from a target group is simply not registered there).
/// </summary>
public sealed class FleetHealthReader(IAutoScaling autoScaling, ILoadBalancing loadBalancing)
{
    public async Task<AutoScalingGroup?> FindGroupAsync(string groupName, CancellationToken cancellationToken) =>
        (await autoScaling.DescribeAutoScalingGroupsAsync([groupName], cancellationToken))
            .SingleOrDefault(g => string.Equals(g.Name, groupName, StringComparison.Ordinal));

    public async Task<IReadOnlyList<InstanceHealth>> ReadAsync(AutoScalingGroup group, IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken)
    {
        var byTargetGroup = new Dictionary<string, IReadOnlyList<TargetHealth>>(StringComparer.Ordinal);
        foreach (var arn in targetGroupArns)
        {
            byTargetGroup[arn] = await loadBalancing.DescribeTargetHealthAsync(arn, cancellationToken);
        }

        return group.Instances
            .Select(instance => new InstanceHealth(
                instance.InstanceId,
                instance.LifecycleState,
                instance.HealthStatus,
                StatesIn(instance.InstanceId, byTargetGroup)))
            .ToList();
    }

    private static Dictionary<string, string> StatesIn(string instanceId, Dictionary<string, IReadOnlyList<TargetHealth>> byTargetGroup)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (arn, targets) in byTargetGroup)
        {
            // An instance may be registered on several ports; it counts as its least healthy one.
            var mine = targets.Where(t => string.Equals(t.TargetId, instanceId, StringComparison.Ordinal)).ToList();
            if (mine.Count > 0)
            {
                states[arn] = mine.FirstOrDefault(t => t.State != "healthy")?.State ?? "healthy";
            }
        }

        return states;
    }
}
