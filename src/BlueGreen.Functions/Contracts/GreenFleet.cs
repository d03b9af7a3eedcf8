namespace BlueGreen.Functions.Contracts;

/// <summary>The new fleet: its group and the launch template version it launches from.</summary>
/// <param name="CreatedLaunchTemplate">True when ProvisionGreen made a new template (blue used a
/// launch configuration), so rollback deletes it; false when it added a version to blue's.</param>
public sealed record GreenFleet(string GroupName, LaunchTemplateSpec LaunchTemplate, bool CreatedLaunchTemplate);
