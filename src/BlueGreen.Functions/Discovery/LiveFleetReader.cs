using System.Globalization;
using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Traffic;

namespace BlueGreen.Functions.Discovery;

/// <summary>
/// Finds the live (blue) fleet and reads what green copies and rollback restores: its launch
/// template version as a number (so a later <c>$Latest</c> cannot move under us) or launch
/// configuration, sizes, subnets, target groups and InService instances, and for the weighted and
/// dns strategies which half of the split blue serves through (<paramref name="split"/>). With the
/// settings' <c>pair</c>, the live group is one of the pair's (see <see cref="PairLiveSearch"/>). Reads only.
/// </summary>
public sealed class LiveFleetReader(IAutoScaling autoScaling, IEc2 ec2, ISplitPath? split = null)
{
    private const string InService = "InService";

    public async Task<LiveFleet> ReadAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        var settings = deployment.Settings;
        var (group, adopted) = settings.Pair is { } pair
            ? await new PairLiveSearch(autoScaling).FindAsync(deployment.Application, settings, pair, cancellationToken)
            : await new LiveGroupSearch(autoScaling).FindAsync(deployment.Application, settings, cancellationToken);
        CheckTrafficPath(deployment, group, log);
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
            split is null ? null : await ReadTrafficPathAsync(split, group, cancellationToken),
            group.NewInstancesProtectedFromScaleIn,
            resolved is null ? null : resolved with { Version = template!.Version ?? "$Default" });
        log.Info(
            "Live fleet is {LiveGroup} ({How}): {InService} of {Desired} instances InService, launching from {LaunchFrom}",
            fleet.GroupName, adopted ? "adopted from settings" : "tagged live", fleet.InstanceIds.Count, fleet.DesiredCapacity,
            fleet.LaunchTemplate is { } lt ? $"launch template {lt.Id} v{lt.Version}" : $"launch configuration {fleet.LaunchConfigurationName}");
        return fleet;
    }

    /// <summary>
    /// For <c>swap</c> and <c>in-group</c>, the settings' target groups are the traffic path: blue must
    /// be in every one of them, or the swap would move traffic that blue does not carry (and leave
    /// what it does carry behind). Extra target groups of blue's are only reported.
    /// </summary>
    private static void CheckTrafficPath(Deployment deployment, AutoScalingGroup group, StepLog log)
    {
        if (deployment.Strategy is not (DeploymentStrategy.Swap or DeploymentStrategy.InGroup) || deployment.Settings.TargetGroupArns.Count == 0)
        {
            return;
        }

        var missing = deployment.Settings.TargetGroupArns.Except(group.TargetGroupArns, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new LiveGroupNotFound(
                $"The live group {group.Name} is not attached to the target group(s) {string.Join(", ", missing)} that \"targetGroupArns\" in "
                + $"{ApplicationSettings.ParameterName(deployment.Application)} names as the traffic path (it is attached to "
                + $"{(group.TargetGroupArns.Count == 0 ? "none" : string.Join(", ", group.TargetGroupArns))}). "
                + "Attach the group to those target groups, or set \"targetGroupArns\" to the ones it serves through.",
                new JsonObject
                {
                    ["liveGroup"] = group.Name,
                    ["missingTargetGroupArns"] = new JsonArray(missing.Select(m => (JsonNode?)m).ToArray()),
                    ["groupTargetGroupArns"] = new JsonArray(group.TargetGroupArns.Select(m => (JsonNode?)m).ToArray()),
                });
        }

        var extra = group.TargetGroupArns.Except(deployment.Settings.TargetGroupArns, StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            log.Warn("Live group {LiveGroup} is also in target groups {ExtraTargetGroups}, which the swap leaves alone", group.Name, string.Join(", ", extra));
        }
    }

    /// <summary>The idle half of the pair, and blue really in the live half: otherwise the shift
    /// would move weight away from a target group that blue does not serve.</summary>
    private static async Task<TrafficPath> ReadTrafficPathAsync(ISplitPath split, AutoScalingGroup group, CancellationToken cancellationToken)
    {
        var path = await split.FindIdleAsync(cancellationToken);
        if (!group.TargetGroupArns.Contains(path.LiveTargetGroupArn, StringComparer.Ordinal))
        {
            throw new LiveGroupNotFound(
                $"The live group {group.Name} is not attached to {path.LiveTargetGroupArn}, the target group that carries traffic on {split.Name}. "
                + "Attach the live group to it (aws autoscaling attach-load-balancer-target-groups), or set the weights so its own target group carries traffic.",
                new JsonObject
                {
                    ["liveGroup"] = group.Name,
                    ["liveTargetGroupArn"] = path.LiveTargetGroupArn,
                    ["groupTargetGroupArns"] = new JsonArray(group.TargetGroupArns.Select(m => (JsonNode?)m).ToArray()),
                });
        }

        return path;
    }

    private async Task<LaunchTemplateSpec> ResolveAsync(LaunchTemplateReference template, string groupName, CancellationToken cancellationToken)
    {
        var version = template.Version ?? "$Default";
        if (template.Id is { } id && long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return new LaunchTemplateSpec(id, version);
        }

        var versions = await ec2.DescribeLaunchTemplateVersionsAsync(template, [version], cancellationToken);
        var resolved = versions.FirstOrDefault()
            ?? throw new LiveGroupNotFound(
                $"The live group {groupName} launches from launch template {template.Id ?? template.Name} version {version}, which does not exist. "
                + "Point the group at an existing launch template version.",
                new JsonObject { ["liveGroup"] = groupName, ["launchTemplate"] = template.Id ?? template.Name, ["version"] = version });
        return new LaunchTemplateSpec(resolved.TemplateId, resolved.VersionNumber.ToString(CultureInfo.InvariantCulture));
    }
}
