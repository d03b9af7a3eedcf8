namespace BlueGreen.Functions.Contracts;

/// <summary>The new fleet: its group and the launch template version it launches from.</summary>
/// <param name="CreatedLaunchTemplate">True when ProvisionGreen made a new template (blue used a
/// launch configuration), so rollback deletes it; false when it added a version to blue's.</param>
/// <param name="Kind">A new group (swap, weighted, dns), blue's own group (in-group) or the pair's idle group.</param>
/// <param name="Before">For in-group and pair: the group as it was, to restore.</param>
public sealed record GreenFleet(
    string GroupName,
    LaunchTemplateSpec LaunchTemplate,
    bool CreatedLaunchTemplate,
    GreenKind Kind = GreenKind.NewGroup,
    GroupBefore? Before = null);
