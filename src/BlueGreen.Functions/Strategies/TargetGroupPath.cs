using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies;

/// <summary>The traffic path of the strategies that move instances between target groups (swap, in-group).</summary>
public static class TargetGroupPath
{
    /// <summary>The settings' <c>targetGroupArns</c>, or blue's own target groups when the settings name none.</summary>
    public static IReadOnlyList<string> Of(Deployment deployment, LiveFleet live) =>
        deployment.Settings.TargetGroupArns.Count > 0 ? deployment.Settings.TargetGroupArns : live.TargetGroupArns;

    /// <summary>
    /// The settings' target groups are the traffic path: blue must be in every one of them, or the
    /// shift would move traffic that blue does not carry (and leave what it does carry behind).
    /// Extra target groups of blue's are only reported.
    /// </summary>
    public static void Check(Deployment deployment, AutoScalingGroup group, StepLog log)
    {
        if (deployment.Settings.TargetGroupArns.Count == 0)
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
}
