using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Strategies.InGroup;

/// <summary>
/// ProvisionGreen for <c>in-group</c>: the deployment's own launch template (a copy of blue's version
/// with the new AMI), put on blue's own group, which expands to twice its desired capacity (max raised to fit) so the new
/// instances launch beside the old ones. What it changes is recorded from <c>$.live</c> (read before
/// any write) so RetireBlue and RollBack can put it back. A retry finds the template and the group
/// already expanded and writes nothing. A group on a launch configuration is refused before any
/// write: switching it to a template and back is a change its owners did not ask for.
/// </summary>
public sealed class InGroupProvisioner(IAutoScaling autoScaling, IEc2 ec2)
{
    public async Task<GreenFleet> ProvisionAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var live = state.Live ?? throw new ArgumentException("ProvisionGreen needs $.live, DescribeLive's result.", nameof(state));
        if (live.LaunchTemplate is null)
        {
            throw new InvalidRequest(
                "$.strategy",
                $"the in-group strategy puts a launch template of the deployment's own on {live.GroupName}, but it launches from launch configuration {live.LaunchConfigurationName}",
                $"move {live.GroupName} to a launch template (the console copies a launch configuration to one), or deploy with \"strategy\": \"swap\"");
        }

        var group = (await autoScaling.DescribeAutoScalingGroupsAsync([live.GroupName], cancellationToken)).SingleOrDefault(g => g.Name == live.GroupName)
            ?? throw new LiveGroupNotFound($"Group {live.GroupName} disappeared after the deployment started; nothing was changed.");
        var template = await new GreenLaunchTemplates(ec2, autoScaling).EnsureCopyAsync(deployment, live.LaunchTemplate, replaces: null, log, cancellationToken);

        var desired = live.DesiredCapacity * 2;
        var max = Math.Max(live.MaxSize, desired);
        if (!GroupLaunchTemplate.IsOn(group, template) || group.DesiredCapacity < desired || group.MaxSize < max)
        {
            await autoScaling.UpdateAutoScalingGroupAsync(
                GroupLaunchTemplate.Pointing(group, template) with { MaxSize = Math.Max(group.MaxSize, max), DesiredCapacity = Math.Max(group.DesiredCapacity, desired) },
                cancellationToken);
            log.Info("Group {Group} launches from {LaunchTemplateId} version {Version} and expands from {Before} to {Desired} instances (max {MaxSize})", group.Name, template.Id, template.Version, live.DesiredCapacity, desired, max);
        }
        else
        {
            log.Info("Group {Group} already launches from version {Version} with {Desired} instances wanted, made earlier for this deployment", group.Name, template.Version, group.DesiredCapacity);
        }

        return new GreenFleet(group.Name, template, GreenKind.InGroup, GroupBefore.Of(live));
    }
}
