using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// Green's tags: blue's own tags (Name, team, cost centre…) without any of ours, then ours —
/// application, deployment and the color tag with its green value. Blue's color key is dropped
/// even when it is not under <c>bluegreen:</c>, so green never carries blue's color.
/// </summary>
public static class GreenTags
{
    public const string OwnPrefix = "bluegreen:";

    public static IReadOnlyList<GroupTag> For(IReadOnlyList<GroupTag> blueTags, string application, string deploymentId, ColorTag color)
    {
        var tags = blueTags
            .Where(t => !t.Key.StartsWith(OwnPrefix, StringComparison.Ordinal) && t.Key != color.Key)
            .ToList();
        tags.Add(new GroupTag(TagKeys.Application, application));
        tags.Add(new GroupTag(TagKeys.Deployment, deploymentId));
        tags.Add(new GroupTag(color.Key, color.Green));
        return tags;
    }

    /// <summary>The deployment a group was made for, or null when it carries no such tag.</summary>
    public static string? DeploymentOf(AutoScalingGroup group) =>
        group.Tags.FirstOrDefault(t => t.Key == TagKeys.Deployment)?.Value;
}
