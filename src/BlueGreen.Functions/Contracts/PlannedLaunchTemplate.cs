namespace BlueGreen.Functions.Contracts;

/// <summary>The launch template green would launch from: always one of the deployment's own
/// (<see cref="TemplateName"/>), so blue's template is never changed.</summary>
/// <param name="Action">Always <c>newTemplate</c>.</param>
/// <param name="TemplateId">Blue's template, copied whole with the new AMI.</param>
/// <param name="FromVersion">The version of it copied.</param>
/// <param name="TemplateName">The template made.</param>
/// <param name="FromLaunchConfiguration">Blue's launch configuration, copied when blue has no template.</param>
public sealed record PlannedLaunchTemplate(
    string Action,
    string ImageId,
    string? TemplateId = null,
    string? FromVersion = null,
    string? TemplateName = null,
    string? FromLaunchConfiguration = null)
{
    public const string NewTemplate = "newTemplate";
}
