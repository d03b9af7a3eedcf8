using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies.Pair;

/// <summary>
/// RollBack's green step with the settings' <c>pair</c>: the idle group is never deleted — it goes
/// back to min 0 / desired 0 (max kept) and to the launch template it named before, as
/// <c>$.green.before</c> recorded or, when ProvisionGreen's result was lost, as the deployment's
/// template recorded in its <see cref="GreenLaunchTemplates.ReplacesTag"/> tag. That has to happen
/// before RollBack deletes the deployment's template. Only what differs is written.
/// </summary>
public sealed class PairGreenReset(AwsClients aws)
{
    public async Task ResetAsync(AutoScalingGroup green, Deployment deployment, GroupBefore? before, RollbackReport report, CancellationToken cancellationToken)
    {
        var template = before?.LaunchTemplate ?? await RecordedOnTemplateAsync(deployment, cancellationToken);
        if (template is not null && !GroupLaunchTemplate.IsOn(green, template))
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

    private async Task<LaunchTemplateSpec?> RecordedOnTemplateAsync(Deployment deployment, CancellationToken cancellationToken) =>
        await new GreenLaunchTemplates(aws.Ec2, aws.AutoScaling).FindAsync(deployment, cancellationToken) is { } mine
            ? GreenLaunchTemplates.Replaced(mine)
            : null;
}
