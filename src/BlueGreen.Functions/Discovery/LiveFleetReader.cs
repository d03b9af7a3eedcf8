using System.Globalization;
using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Discovery;

/// <summary>
/// Finds the live (blue) fleet and reads what green copies and rollback restores: its launch
/// template version as a number (so a later <c>$Latest</c> cannot move under us) or launch
/// configuration, sizes, subnets, target groups and InService instances. The strategy finds the group
/// (with the settings' <c>pair</c>, one of the pair's) and checks it is on its traffic path, reading for
/// weighted and dns which half of the pair blue serves through; <see cref="LiveTrafficPath.Unchecked"/>
/// skips that check (<c>bluegreen status</c> mid-shift, when no half is idle). Reads only.
/// </summary>
public sealed class LiveFleetReader(StrategyServices services, IStrategy strategy, LiveTrafficPath trafficPath = LiveTrafficPath.Checked)
{
    private const string InService = "InService";

    public async Task<LiveFleet> ReadAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        var (group, adopted) = await strategy.FindLiveGroupAsync(deployment, services, cancellationToken);
        var path = trafficPath == LiveTrafficPath.Checked ? await strategy.ReadTrafficPathAsync(deployment, group, services, log, cancellationToken) : null;
        var template = group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate;
        var resolved = template is null ? null : await ResolveAsync(template, group.Name, cancellationToken);
        var fleet = new LiveFleet(
            group.Name,
            resolved,
            group.LaunchConfigurationName,
            group.MinSize,
            group.MaxSize,
            group.DesiredCapacity,
            group.SubnetIds,
            group.TargetGroupArns,
            group.Instances.Where(i => i.LifecycleState == InService).Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList(),
            adopted,
            path,
            group.NewInstancesProtectedFromScaleIn,
            resolved is null ? null : resolved with { Version = template!.Version ?? "$Default" });
        log.Info(
            "Live fleet is {LiveGroup} ({How}): {InService} of {Desired} instances InService, launching from {LaunchFrom}",
            fleet.GroupName, adopted ? "adopted from settings" : "tagged live", fleet.InstanceIds.Count, fleet.DesiredCapacity,
            fleet.LaunchTemplate is { } lt ? $"launch template {lt.Id} v{lt.Version}" : $"launch configuration {fleet.LaunchConfigurationName}");
        return fleet;
    }

    private async Task<LaunchTemplateSpec> ResolveAsync(LaunchTemplateReference template, string groupName, CancellationToken cancellationToken)
    {
        var version = template.Version ?? "$Default";
        if (template.Id is { } id && long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return new LaunchTemplateSpec(id, version);
        }

        var versions = await services.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(template, [version], cancellationToken);
        var resolved = versions.FirstOrDefault()
            ?? throw new LiveGroupNotFound(
                $"The live group {groupName} launches from launch template {template.Id ?? template.Name} version {version}, which does not exist. "
                + "Point the group at an existing launch template version.",
                new JsonObject { ["liveGroup"] = groupName, ["launchTemplate"] = template.Id ?? template.Name, ["version"] = version });
        return new LaunchTemplateSpec(resolved.TemplateId, resolved.VersionNumber.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Whether <see cref="LiveFleetReader"/> asks the strategy to check the traffic path.</summary>
public enum LiveTrafficPath
{
    /// <summary>The live group must be on the strategy's traffic path (DescribeLive).</summary>
    Checked,

    /// <summary>Read the group only; <see cref="LiveFleet.TrafficPath"/> stays null.</summary>
    Unchecked,
}
