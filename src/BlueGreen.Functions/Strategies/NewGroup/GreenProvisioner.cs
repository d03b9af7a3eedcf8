using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Strategies.NewGroup;

/// <summary>
/// Builds the green fleet beside blue: green's own launch template, then the green group
/// copying blue, then blue's lifecycle hooks on it. Changes nothing of blue, so serving capacity
/// never drops. Every write is preceded by a look, so a retry after a crash at any point reuses
/// what the earlier attempt made; a group of green's name made for another deployment is refused.
/// </summary>
public sealed class GreenProvisioner(IAutoScaling autoScaling, IEc2 ec2)
{
    public async Task<GreenFleet> ProvisionAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var live = state.Live ?? throw new ArgumentException("ProvisionGreen needs $.live, DescribeLive's result.", nameof(state));
        var greenName = deployment.Names.GreenGroup;

        var blue = await DescribeAsync(live.GroupName, cancellationToken)
            ?? throw new LiveGroupNotFound($"Blue group {live.GroupName} disappeared after the deployment started; green was not made.");
        var green = await DescribeAsync(greenName, cancellationToken);
        if (green is not null)
        {
            EnsureOurs(green, deployment.DeploymentId);
        }

        var template = await new GreenLaunchTemplates(ec2, autoScaling).EnsureAsync(deployment, live, log, cancellationToken);
        var hooks = await autoScaling.DescribeLifecycleHooksAsync(blue.Name, cancellationToken);
        if (green is null)
        {
            var tags = GreenTags.For(blue.Tags, deployment.Application, deployment.DeploymentId, deployment.Settings.ColorTag);
            await CreateAsync(GreenGroupSpec.From(blue, greenName, template, hooks, tags), deployment.DeploymentId, cancellationToken);
            log.Info("Created green group {GreenGroup} beside {BlueGroup} with {DesiredCapacity} instances from {LaunchTemplateId} version {Version}", greenName, blue.Name, blue.DesiredCapacity, template.Id, template.Version);
        }
        else
        {
            log.Info("Reusing green group {GreenGroup}, made earlier for this deployment", greenName);
        }

        await EnsureHooksAsync(greenName, hooks, log, cancellationToken);
        return new GreenFleet(greenName, template);
    }

    private async Task CreateAsync(NewAutoScalingGroup group, string deploymentId, CancellationToken cancellationToken)
    {
        try
        {
            await autoScaling.CreateAutoScalingGroupAsync(group, cancellationToken);
        }
        catch (AwsAlreadyExistsException)
        {
            // Another attempt created it between our look and our create: fine if it is ours.
            EnsureOurs(await DescribeAsync(group.Name, cancellationToken)
                ?? throw new GreenLaunchFailed($"Green group {group.Name} was reported to exist but cannot be found."), deploymentId);
        }
        catch (AwsValidationException invalid)
        {
            throw new GreenLaunchFailed($"Auto Scaling refused to create green group {group.Name}: {invalid.ErrorMessage}", innerException: invalid);
        }
    }

    /// <summary>
    /// On AWS the hooks went in with CreateAutoScalingGroup, so no instance launched before them
    /// and nothing is put here. moto ignores that list, and a group made by an attempt that
    /// crashed may predate them: any hook of blue's that green lacks is put now.
    /// </summary>
    private async Task EnsureHooksAsync(string greenName, IReadOnlyList<LifecycleHook> blueHooks, StepLog log, CancellationToken cancellationToken)
    {
        if (blueHooks.Count == 0)
        {
            return;
        }

        var present = (await autoScaling.DescribeLifecycleHooksAsync(greenName, cancellationToken)).Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var hook in blueHooks.Where(h => !present.Contains(h.Name)))
        {
            await autoScaling.PutLifecycleHookAsync(greenName, hook, cancellationToken);
            log.Info("Put lifecycle hook {Hook} on green group {GreenGroup}", hook.Name, greenName);
        }
    }

    private static void EnsureOurs(AutoScalingGroup group, string deploymentId)
    {
        var owner = GreenTags.DeploymentOf(group);
        if (owner != deploymentId)
        {
            throw new GreenLaunchFailed(
                $"An Auto Scaling group named {group.Name} already exists and {(owner is null ? "is not tagged for any deployment" : $"belongs to deployment {owner}")}; green is never made by adopting another group. Delete or rename that group, or start a new execution.");
        }
    }

    private async Task<AutoScalingGroup?> DescribeAsync(string name, CancellationToken cancellationToken) =>
        (await autoScaling.DescribeAutoScalingGroupsAsync([name], cancellationToken)).SingleOrDefault();
}
