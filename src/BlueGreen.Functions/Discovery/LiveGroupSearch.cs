using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;

namespace BlueGreen.Functions.Discovery;

/// <summary>
/// Which Auto Scaling group is live: the one tagged <c>bluegreen:application=&lt;app&gt;</c> with the
/// color tag's blue value; while none is, the settings' <c>liveGroup</c> is adopted, unless it
/// belongs to another application. Anything else is <see cref="LiveGroupNotFound"/> saying what
/// was searched and how to fix it.
/// </summary>
internal sealed class LiveGroupSearch(IAutoScaling autoScaling)
{
    public async Task<(AutoScalingGroup Group, bool Adopted)> FindAsync(string application, ApplicationSettings settings, CancellationToken cancellationToken)
    {
        var color = settings.ColorTag;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { [TagKeys.Application] = application, [color.Key] = color.Blue };
        var searched = $"Auto Scaling groups tagged {TagKeys.Application}={application} and {color.Key}={color.Blue}";
        var tagged = await autoScaling.DescribeAutoScalingGroupsByTagsAsync(tags, cancellationToken);
        if (tagged.Count > 1)
        {
            var names = tagged.Select(g => g.Name).Order(StringComparer.Ordinal).ToList();
            throw new LiveGroupNotFound(
                $"{names.Count} {searched} were found ({string.Join(", ", names)}); exactly one may be live. "
                + $"Remove the {color.Key} tag (or change it to {color.Green}) from every group that does not serve traffic.",
                Details(application, color, settings.LiveGroup, names));
        }

        if (tagged.Count == 1)
        {
            return (tagged[0], false);
        }

        if (settings.LiveGroup is not { } liveGroup)
        {
            throw new LiveGroupNotFound(
                $"No {searched} was found, and the settings name no liveGroup to adopt. "
                + $"Tag the group that serves {application} with {TagKeys.Application}={application} and {color.Key}={color.Blue}, "
                + $"or set \"liveGroup\" in {ApplicationSettings.ParameterName(application)}.",
                Details(application, color, null, []));
        }

        var named = await autoScaling.DescribeAutoScalingGroupsAsync([liveGroup], cancellationToken);
        if (named.FirstOrDefault(g => g.Name == liveGroup) is not { } group)
        {
            throw new LiveGroupNotFound(
                $"No {searched} was found, and the liveGroup \"{liveGroup}\" named in {ApplicationSettings.ParameterName(application)} does not exist. "
                + $"Set \"liveGroup\" to the group that serves {application}, or tag that group with {TagKeys.Application}={application} and {color.Key}={color.Blue}.",
                Details(application, color, liveGroup, []));
        }

        var owner = group.Tags.FirstOrDefault(t => t.Key == TagKeys.Application)?.Value;
        if (owner is not null && owner != application)
        {
            throw new LiveGroupNotFound(
                $"No {searched} was found, and the liveGroup \"{liveGroup}\" is tagged {TagKeys.Application}={owner}: it belongs to another application and is not adopted. "
                + $"Fix \"liveGroup\" in {ApplicationSettings.ParameterName(application)}.",
                Details(application, color, liveGroup, []));
        }

        return (group, true);
    }

    private static JsonObject Details(string application, ColorTag color, string? liveGroup, IReadOnlyList<string> found) => new()
    {
        ["searchedTags"] = new JsonObject { [TagKeys.Application] = application, [color.Key] = color.Blue },
        ["liveGroup"] = liveGroup,
        ["found"] = new JsonArray(found.Select(n => (JsonNode?)n).ToArray()),
    };
}
