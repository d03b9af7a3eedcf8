using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;

namespace BlueGreen.Functions.Strategies.Pair;

/// <summary>
/// Which group of the settings' <c>pair</c> is live: the one carrying the color tag's blue value,
/// else the settings' <c>liveGroup</c>, else the only one with instances. The other one (green)
/// must exist and be idle (desired 0), or the deployment would put new instances beside old ones
/// in it. Anything else is <see cref="LiveGroupNotFound"/> saying how to fix it. Reads only.
/// </summary>
internal sealed class PairLiveSearch(IAutoScaling autoScaling)
{
    public async Task<(AutoScalingGroup Group, bool Adopted)> FindAsync(string application, ApplicationSettings settings, PairSettings pair, CancellationToken cancellationToken)
    {
        var color = settings.ColorTag;
        var parameter = ApplicationSettings.ParameterName(application);
        var groups = await autoScaling.DescribeAutoScalingGroupsAsync(pair.Groups.ToList(), cancellationToken);
        var missing = pair.Groups.Where(name => groups.All(g => g.Name != name)).ToList();
        if (missing.Count > 0)
        {
            throw Refusal($"The pair's group(s) {string.Join(", ", missing)} named in {parameter} do not exist; the pair option never creates groups. Create them (in your CloudFormation or Terraform) or fix \"pair.groups\".", pair, groups);
        }

        var tagged = groups.Where(g => Color(g, color.Key) == color.Blue).ToList();
        var (live, adopted) = tagged.Count switch
        {
            1 => (tagged[0], false),
            > 1 => throw Refusal($"Both groups of the pair ({string.Join(", ", pair.Groups)}) are tagged {color.Key}={color.Blue}; exactly one may be live. Remove the tag from the one that does not serve traffic.", pair, groups),
            _ => (Untagged(settings, pair, groups, parameter), true),
        };

        var idle = groups.Single(g => g.Name == pair.IdleOf(live.Name));
        // Instances still terminating after the previous deployment scaled it to zero do not count.
        var staying = idle.Instances.Count(i => !i.LifecycleState.StartsWith("Terminat", StringComparison.Ordinal));
        if (idle.DesiredCapacity > 0 || staying > 0)
        {
            throw Refusal(
                $"The pair's idle group {idle.Name} still has {staying} instance(s) (desired {idle.DesiredCapacity}) while {live.Name} is live; green must start empty. "
                + $"Scale {idle.Name} to 0 (min 0, desired 0), or tag the group that serves with {color.Key}={color.Blue}.",
                pair,
                groups);
        }

        return (live, adopted);
    }

    private static AutoScalingGroup Untagged(ApplicationSettings settings, PairSettings pair, IReadOnlyList<AutoScalingGroup> groups, string parameter)
    {
        if (settings.LiveGroup is { } named)
        {
            return groups.Single(g => g.Name == named);
        }

        var serving = groups.Where(g => g.DesiredCapacity > 0).ToList();
        if (serving.Count == 1)
        {
            return serving[0];
        }

        var color = settings.ColorTag;
        throw Refusal(
            $"Neither group of the pair ({string.Join(", ", pair.Groups)}) is tagged {color.Key}={color.Blue}, no liveGroup is set, and {(serving.Count == 0 ? "neither has" : "both have")} instances, so which one is live is ambiguous. "
            + $"Set \"liveGroup\" in {parameter} to the group that serves, or tag it {color.Key}={color.Blue}.",
            pair,
            groups);
    }

    private static LiveGroupNotFound Refusal(string message, PairSettings pair, IReadOnlyList<AutoScalingGroup> groups) =>
        new(message, new JsonObject
        {
            ["pair"] = new JsonArray(pair.Groups.Select(n => (JsonNode?)n).ToArray()),
            ["groups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Name,
                ["desired"] = g.DesiredCapacity,
                ["instances"] = g.Instances.Count,
            }).ToArray()),
        });

    private static string? Color(AutoScalingGroup group, string key) =>
        group.Tags.FirstOrDefault(t => t.Key == key)?.Value;
}
