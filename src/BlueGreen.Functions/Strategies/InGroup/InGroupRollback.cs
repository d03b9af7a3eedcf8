using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies.InGroup;

/// <summary>
/// RollBack for <c>in-group</c>, on blue's own group: (a) traffic first — old instances registered
/// again in every target group they were taken out of; (b) the old launch template reference back on
/// the group, so nothing new launches; (c) every new-version instance terminated with the desired
/// capacity decremented (scale-in protection lifted first); (d) min, max, desired and the scale-in
/// protection setting back as DescribeLive read them. What it needs comes from <c>$.green.before</c>,
/// or from <c>$.live</c> when ProvisionGreen failed before recording it. Only what differs is
/// written, so the state machine may run it again. The old reference is put back as the group named it
/// (<c>$Latest</c> stays <c>$Latest</c>): green launched from a template of the deployment's own,
/// which RollBack deletes afterwards, so blue's template never held the new AMI.
/// </summary>
public sealed class InGroupRollback(AwsClients aws)
{
    public async Task RollBackAsync(WorkflowState state, AutoScalingGroup group, RollbackReport report, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var before = state.Green?.Before ?? GroupBefore.Of(state.Live!);
        var fleet = await InGroupFleet.SplitAsync(group, aws.Ec2, deployment.ImageId, before.InstanceIds, cancellationToken);
        var targetGroups = deployment.Settings.TargetGroupArns.Union(state.Live!.TargetGroupArns, StringComparer.Ordinal).ToList();

        await RegisterOldAsync(fleet, targetGroups, report, cancellationToken);

        if (before.LaunchTemplate is { } template && !GroupLaunchTemplate.IsOn(group, template))
        {
            await aws.AutoScaling.UpdateAutoScalingGroupAsync(GroupLaunchTemplate.Pointing(group, template), cancellationToken);
            report.Done($"put launch template {template.Id} version {template.Version} back on {group.Name}");
        }

        var fresh = fleet.New.Select(i => i.InstanceId).ToList();
        var protectedNew = fleet.New.Where(i => i.ProtectedFromScaleIn).Select(i => i.InstanceId).ToList();
        if (protectedNew.Count > 0)
        {
            await aws.AutoScaling.SetInstanceProtectionAsync(group.Name, protectedNew, protectedFromScaleIn: false, cancellationToken);
        }

        foreach (var id in fresh)
        {
            await aws.AutoScaling.TerminateInstanceInAutoScalingGroupAsync(id, decrementDesiredCapacity: true, cancellationToken);
        }

        if (fresh.Count > 0)
        {
            report.Done($"terminated {fresh.Count} new-version instance(s) of {group.Name}");
        }

        var now = (await aws.AutoScaling.DescribeAutoScalingGroupsAsync([group.Name], cancellationToken)).Single(g => g.Name == group.Name);
        if (now.MinSize != before.MinSize || now.MaxSize != before.MaxSize || now.DesiredCapacity != before.DesiredCapacity
            || now.NewInstancesProtectedFromScaleIn != before.NewInstancesProtectedFromScaleIn)
        {
            await aws.AutoScaling.UpdateAutoScalingGroupAsync(
                new AutoScalingGroupUpdate(group.Name)
                {
                    MinSize = before.MinSize,
                    MaxSize = before.MaxSize,
                    DesiredCapacity = before.DesiredCapacity,
                    NewInstancesProtectedFromScaleIn = before.NewInstancesProtectedFromScaleIn,
                },
                cancellationToken);
            report.Done($"put back min {before.MinSize}, max {before.MaxSize}, desired {before.DesiredCapacity} of {group.Name}");
        }
    }

    private async Task RegisterOldAsync(InGroupFleet fleet, IReadOnlyList<string> targetGroups, RollbackReport report, CancellationToken cancellationToken)
    {
        var old = fleet.Old.Where(i => i.LifecycleState == "InService").Select(i => i.InstanceId).ToList();
        foreach (var arn in targetGroups)
        {
            var serving = (await aws.LoadBalancing.DescribeTargetHealthAsync(arn, cancellationToken))
                .Where(t => t.State is not ("draining" or "unused"))
                .Select(t => t.TargetId)
                .ToHashSet(StringComparer.Ordinal);
            var missing = old.Where(id => !serving.Contains(id)).Select(id => new Target(id)).ToList();
            if (missing.Count > 0)
            {
                await aws.LoadBalancing.RegisterTargetsAsync(arn, missing, cancellationToken);
                report.Done($"registered {missing.Count} old instance(s) of {fleet.Group.Name} in target group {arn} again");
            }
        }
    }
}
