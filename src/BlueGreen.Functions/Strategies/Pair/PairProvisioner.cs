using System.Globalization;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Strategies.Pair;

/// <summary>
/// ProvisionGreen with the settings' <c>pair</c>: green is the pair's idle group, which already
/// exists (its owners' CloudFormation or Terraform made it). It gets the deployment's own launch
/// template (a copy of the version it launches from, with the new AMI), this deployment's tags with
/// the green color, and blue's min, max and desired. Nothing is created but the template. The
/// reference it named before is recorded (in <c>$.green.before</c> and on the template) so rollback
/// can put it back; a retry finds the template and sizes and writes nothing more.
/// </summary>
public sealed class PairProvisioner(IAutoScaling autoScaling, IEc2 ec2)
{
    public async Task<GreenFleet> ProvisionAsync(WorkflowState state, PairSettings pair, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var live = state.Live ?? throw new ArgumentException("ProvisionGreen needs $.live, DescribeLive's result.", nameof(state));
        var idleName = pair.IdleOf(live.GroupName)
            ?? throw new LiveGroupNotFound($"The live group {live.GroupName} is not one of the pair's groups ({string.Join(", ", pair.Groups)}); nothing was changed.");
        var idle = (await autoScaling.DescribeAutoScalingGroupsAsync([idleName], cancellationToken)).SingleOrDefault(g => g.Name == idleName)
            ?? throw new GreenLaunchFailed($"The pair's idle group {idleName} no longer exists; the pair option never creates groups. Recreate it with your infrastructure code.");
        if (GroupLaunchTemplate.Of(idle) is not { } reference)
        {
            throw new InvalidRequest(
                "$.pair.groups",
                $"the pair's idle group {idleName} launches from launch configuration {idle.LaunchConfigurationName}; the pair option puts a launch template of the deployment's own on it",
                $"move {idleName} to a launch template in your infrastructure code, or remove pair to let each deployment make its own group");
        }

        var templates = new GreenLaunchTemplates(ec2, autoScaling);
        var mine = await templates.FindAsync(deployment, cancellationToken);
        // On a retry the group may already launch from this deployment's template: what it named
        // before is then the reference the template recorded when it was made.
        var current = await ResolveAsync(reference, idleName, cancellationToken);
        var named = current with { Version = reference.Version ?? "$Default" };
        var previous = mine is not null && mine.Id == current.Id ? GreenLaunchTemplates.Replaced(mine) ?? named : named;
        var template = await templates.EnsureCopyAsync(deployment, current, replaces: previous, log, cancellationToken);
        var before = new GroupBefore(previous, 0, idle.MaxSize, 0, idle.NewInstancesProtectedFromScaleIn, []);

        await TagAsync(idle, deployment, log, cancellationToken);
        if (!GroupLaunchTemplate.IsOn(idle, template) || idle.MinSize != live.MinSize || idle.MaxSize != live.MaxSize || idle.DesiredCapacity != live.DesiredCapacity)
        {
            await autoScaling.UpdateAutoScalingGroupAsync(
                GroupLaunchTemplate.Pointing(idle, template) with { MinSize = live.MinSize, MaxSize = live.MaxSize, DesiredCapacity = live.DesiredCapacity },
                cancellationToken);
            log.Info("Pair group {GreenGroup} launches from {LaunchTemplateId} version {Version}, scaled to {Desired} instances like {BlueGroup}", idleName, template.Id, template.Version, live.DesiredCapacity, live.GroupName);
        }

        return new GreenFleet(idleName, template, GreenKind.PairIdle, before);
    }

    private async Task TagAsync(AutoScalingGroup idle, Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        var color = deployment.Settings.ColorTag;
        var wanted = new[]
        {
            new GroupTag(TagKeys.Application, deployment.Application),
            new GroupTag(TagKeys.Deployment, deployment.DeploymentId),
            new GroupTag(color.Key, color.Green),
        };
        var stale = wanted.Where(t => idle.Tags.FirstOrDefault(x => x.Key == t.Key)?.Value != t.Value).ToList();
        if (stale.Count > 0)
        {
            await autoScaling.CreateOrUpdateTagsAsync(idle.Name, stale, cancellationToken);
            log.Info("Tagged pair group {GreenGroup} for deployment {DeploymentId}, {ColorTagKey}={ColorTagValue}", idle.Name, deployment.DeploymentId, color.Key, color.Green);
        }
    }

    private async Task<LaunchTemplateSpec> ResolveAsync(LaunchTemplateReference reference, string groupName, CancellationToken cancellationToken)
    {
        var version = reference.Version ?? "$Default";
        if (reference.Id is { } id && long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return new LaunchTemplateSpec(id, version);
        }

        var resolved = (await ec2.DescribeLaunchTemplateVersionsAsync(reference, [version], cancellationToken)).FirstOrDefault()
            ?? throw new GreenLaunchFailed($"The pair's idle group {groupName} launches from launch template {reference.Id ?? reference.Name} version {version}, which does not exist.");
        return new LaunchTemplateSpec(resolved.TemplateId, resolved.VersionNumber.ToString(CultureInfo.InvariantCulture));
    }
}
