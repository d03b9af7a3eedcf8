using System.Globalization;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Strategies;

/// <summary>Small pieces of text the strategies' plan sentences and manual steps share.</summary>
internal static class Wording
{
    public static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values);

    /// <summary>"10% (bake 60 s), 100% (bake 0 s)": the traffic plan's steps.</summary>
    public static string Steps(TrafficPlan traffic) =>
        string.Join(", ", traffic.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.GreenWeight}% (bake {s.BakeSeconds} s)")));

    public static string Template(PlannedLaunchTemplate template) => template.FromLaunchConfiguration is null
        ? $"Launch template: green's own {template.TemplateName}, a copy of {template.TemplateId} v{template.FromVersion} with AMI {template.ImageId}; blue's template is not changed."
        : $"Launch template: green's own {template.TemplateName} with AMI {template.ImageId}, copied from blue's launch configuration {template.FromLaunchConfiguration}.";

    /// <summary>" (lt-… version 3)": the launch template green's group named before the deployment, when recorded.</summary>
    public static string Before(WorkflowState state) =>
        state.Green?.Before?.LaunchTemplate is { } before ? $" ({before.Id} version {before.Version})" : "";
}
