using System.Globalization;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// ProvisionGreen with the settings' <c>pair</c>: green is the pair's idle group, which already
/// exists (its owners' CloudFormation or Terraform made it). It gets a new version of its own launch
/// template with the new AMI, this deployment's tags with the green colour, and blue's min, max and
/// desired. Nothing is created but the template version. What it had before is recorded so
/// rollback can put it back; a retry finds its version and sizes and writes nothing more.
/// </summary>
public sealed class PairProvisioner(IAutoScaling autoScaling, IEc2 ec2)
{
    public async Task<GreenFleet> ProvisionAsync(WorkflowState state, PairSettings pair, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var live = state.Live ?? throw new ArgumentException("ProvisionGreen needs $.live, DescribeLive's result.", nameof(state));
        log.With("deploymentId", deployment.DeploymentId).With("application", deployment.Application);
        var idleName = pair.IdleOf(live.GroupName)
            ?? throw new LiveGroupNotFound($"The live group {live.GroupName} is not one of the pair's groups ({string.Join(", ", pair.Groups)}); nothing was changed.");
        var idle = (await autoScaling.DescribeAutoScalingGroupsAsync([idleName], cancellationToken)).SingleOrDefault(g => g.Name == idleName)
            ?? throw new GreenLaunchFailed($"The pair's idle group {idleName} no longer exists; the pair option never creates groups. Recreate it with your infrastructure code.");
        if (GroupLaunchTemplate.Of(idle) is not { } reference)
        {
            throw new InvalidRequest(
                "$.pair.groups",
                $"the pair's idle group {idleName} launches from launch configuration {idle.LaunchConfigurationName}; the pair option puts a new launch template version on it",
                $"move {idleName} to a launch template in your infrastructure code, or remove pair to let each deployment make its own group");
        }

        var current = await ResolveAsync(reference, idleName, cancellationToken);
        var templates = new GreenLaunchTemplates(ec2, autoScaling);
        var before = await BeforeAsync(deployment, idle, current, cancellationToken);
        var template = await templates.EnsureVersionOfAsync(deployment, current, log, cancellationToken);

        await TagAsync(idle, deployment, log, cancellationToken);
        if (!GroupLaunchTemplate.IsOn(idle, template) || idle.MinSize != live.MinSize || idle.MaxSize != live.MaxSize || idle.DesiredCapacity != live.DesiredCapacity)
        {
            await autoScaling.UpdateAutoScalingGroupAsync(
                GroupLaunchTemplate.Pointing(idle, template) with { MinSize = live.MinSize, MaxSize = live.MaxSize, DesiredCapacity = live.DesiredCapacity },
                cancellationToken);
            log.Info("Pair group {GreenGroup} launches from {LaunchTemplateId} version {Version}, scaled to {Desired} instances like {BlueGroup}", idleName, template.Id, template.Version, live.DesiredCapacity, live.GroupName);
        }

        return new GreenFleet(idleName, template, false, GreenKind.PairIdle, before);
    }

    /// <summary>The idle group as it was; on a retry its template already points at this
    /// deployment's version, so the version before is the newest older one not made by it.</summary>
    private async Task<GroupBefore> BeforeAsync(Deployment deployment, AutoScalingGroup idle, LaunchTemplateSpec current, CancellationToken cancellationToken)
    {
        var description = GreenLaunchTemplates.VersionDescription(deployment.DeploymentId);
        var versions = await ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(current.Id), [], cancellationToken);
        var currentNumber = long.Parse(current.Version, CultureInfo.InvariantCulture);
        var previous = versions.Any(v => v.VersionNumber == currentNumber && v.Description == description)
            ? versions.Where(v => v.VersionNumber < currentNumber && v.Description != description).MaxBy(v => v.VersionNumber) is { } older
                ? current with { Version = older.VersionNumber.ToString(CultureInfo.InvariantCulture) }
                : current
            : current;
        return new GroupBefore(previous, 0, idle.MaxSize, 0, idle.NewInstancesProtectedFromScaleIn, []);
    }

    private async Task TagAsync(AutoScalingGroup idle, Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        var colour = deployment.Settings.ColorTag;
        var wanted = new[]
        {
            new GroupTag(TagKeys.Application, deployment.Application),
            new GroupTag(TagKeys.Deployment, deployment.DeploymentId),
            new GroupTag(colour.Key, colour.Green),
        };
        var stale = wanted.Where(t => idle.Tags.FirstOrDefault(x => x.Key == t.Key)?.Value != t.Value).ToList();
        if (stale.Count > 0)
        {
            await autoScaling.CreateOrUpdateTagsAsync(idle.Name, stale, cancellationToken);
            log.Info("Tagged pair group {GreenGroup} for deployment {DeploymentId}, {ColorTagKey}={ColorTagValue}", idle.Name, deployment.DeploymentId, colour.Key, colour.Green);
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
