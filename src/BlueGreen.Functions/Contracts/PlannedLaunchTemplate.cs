namespace BlueGreen.Functions.Contracts;

/// <summary>The launch template green would launch from.</summary>
/// <param name="Action"><c>newVersion</c> of blue's template, or <c>newTemplate</c> when blue uses
/// a launch configuration.</param>
/// <param name="TemplateId">Blue's template, for a new version.</param>
/// <param name="FromVersion">The version copied, for a new version.</param>
/// <param name="TemplateName">The template made, for a new template.</param>
/// <param name="FromLaunchConfiguration">The launch configuration copied, for a new template.</param>
public sealed record PlannedLaunchTemplate(
    string Action,
    string ImageId,
    string? TemplateId = null,
    string? FromVersion = null,
    string? TemplateName = null,
    string? FromLaunchConfiguration = null)
{
    public const string NewVersion = "newVersion";
    public const string NewTemplate = "newTemplate";
}
