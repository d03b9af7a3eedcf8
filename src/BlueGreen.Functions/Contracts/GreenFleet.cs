namespace BlueGreen.Functions.Contracts;

/// <summary>The new fleet: its group and the launch template (the deployment's own) it launches from.</summary>
/// <param name="Kind">A new group (swap, weighted, dns), blue's own group (in-group) or the pair's idle group.</param>
/// <param name="Before">For in-group and pair: the group as it was, to restore.</param>
public sealed record GreenFleet(
    string GroupName,
    LaunchTemplateSpec LaunchTemplate,
    GreenKind Kind = GreenKind.NewGroup,
    GroupBefore? Before = null);
