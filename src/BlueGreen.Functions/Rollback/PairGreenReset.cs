using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// RollBack's green step with the settings' <c>pair</c>: the idle group is never deleted — it goes
/// back to min 0 / desired 0 (max kept) and to the launch template version it had, as
/// <c>$.green.before</c> recorded. When ProvisionGreen failed before recording it, the version is
/// left as it is and the report says so. Only what differs is written.
/// </summary>
public sealed class PairGreenReset(AwsClients aws)
{
    public async Task ResetAsync(AutoScalingGroup green, GroupBefore? before, RollbackReport report, CancellationToken cancellationToken)
    {
        if (before?.LaunchTemplate is { } template && !GroupLaunchTemplate.IsOn(green, template))
        {
            await aws.AutoScaling.UpdateAutoScalingGroupAsync(GroupLaunchTemplate.Pointing(green, template), cancellationToken);
            report.Done($"put launch template {template.Id} version {template.Version} back on pair group {green.Name}");
        }

        if (green.MinSize != 0 || green.DesiredCapacity != 0)
        {
            await aws.AutoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(green.Name) { MinSize = 0, DesiredCapacity = 0 }, cancellationToken);
            report.Done($"scaled pair group {green.Name} to zero (kept, not deleted)");
        }
    }
}
