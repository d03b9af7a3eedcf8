using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies.Weights;

/// <summary>
/// Makes the idle target group serve only green before it gets any weight: every other group of
/// the application still attached to it (an earlier blue kept or scaled to zero, a failed green)
/// is detached — the group carries weight 0, so nobody is served by them — and green is attached.
/// Looks before it writes, so a second run changes nothing.
/// </summary>
public sealed class IdleGroupTakeover(IAutoScaling autoScaling)
{
    public async Task TakeOverAsync(Deployment deployment, LiveFleet blue, GreenFleet green, string idleTargetGroupArn, StepLog log, CancellationToken cancellationToken)
    {
        var tagged = await autoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { [TagKeys.Application] = deployment.Application }, cancellationToken);
        var named = await autoScaling.DescribeAutoScalingGroupsAsync([blue.GroupName, green.GroupName], cancellationToken);
        var groups = tagged.Concat(named).DistinctBy(g => g.Name).ToList();

        foreach (var other in groups.Where(g => g.Name != green.GroupName && g.TargetGroupArns.Contains(idleTargetGroupArn, StringComparer.Ordinal)))
        {
            await autoScaling.DetachLoadBalancerTargetGroupsAsync(other.Name, [idleTargetGroupArn], cancellationToken);
            log.Info("Detached {OtherGroup} from the idle target group {TargetGroup}, which green takes", other.Name, idleTargetGroupArn);
        }

        var greenGroup = groups.SingleOrDefault(g => g.Name == green.GroupName)
            ?? throw new GreenUnhealthy($"The green group {green.GroupName} does not exist any more, so traffic cannot move to it. Was it deleted by hand?");
        if (!greenGroup.TargetGroupArns.Contains(idleTargetGroupArn, StringComparer.Ordinal))
        {
            await autoScaling.AttachLoadBalancerTargetGroupsAsync(green.GroupName, [idleTargetGroupArn], cancellationToken);
            log.Info("Attached green group {GreenGroup} to the idle target group {TargetGroup}", green.GroupName, idleTargetGroupArn);
        }
    }
}
