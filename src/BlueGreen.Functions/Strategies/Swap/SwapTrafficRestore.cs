using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies.Swap;

/// <summary>
/// Puts blue back on the traffic path of the swap strategy: blue attached to every target group
/// first, then green detached, so the target groups are never without registered targets.
/// Only what differs is changed, so a second run writes nothing.
/// </summary>
public sealed class SwapTrafficRestore(IAutoScaling autoScaling)
{
    public async Task RestoreAsync(AutoScalingGroup blue, AutoScalingGroup? green, IReadOnlyCollection<string> targetGroupArns, RollbackReport report, CancellationToken cancellationToken)
    {
        var missing = targetGroupArns.Except(blue.TargetGroupArns, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            await autoScaling.AttachLoadBalancerTargetGroupsAsync(blue.Name, missing, cancellationToken);
            report.Done($"attached blue group {blue.Name} to {missing.Count} target group(s)");
        }

        var onGreen = green is null ? [] : green.TargetGroupArns.Intersect(targetGroupArns, StringComparer.Ordinal).ToList();
        if (green is not null && onGreen.Count > 0)
        {
            await autoScaling.DetachLoadBalancerTargetGroupsAsync(green.Name, onGreen, cancellationToken);
            report.Done($"detached green group {green.Name} from {onGreen.Count} target group(s)");
        }
    }
}
