namespace BlueGreen.Functions.Contracts;

/// <summary>
/// What a group looked like before ProvisionGreen changed it (<c>$.green.before</c>), for the
/// <c>in-group</c> strategy (blue's group) and the <c>pair</c> option (the idle group): what RetireBlue
/// and RollBack put back. Read before the first write, so a retried ProvisionGreen never records
/// its own changes as the "before".
/// </summary>
/// <param name="LaunchTemplate">The template version it launched from, as the group named it.</param>
/// <param name="InstanceIds">Its instances then; for in-group, the old ones.</param>
public sealed record GroupBefore(
    LaunchTemplateSpec? LaunchTemplate,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    bool NewInstancesProtectedFromScaleIn,
    IReadOnlyList<string> InstanceIds)
{
    /// <summary>Blue as DescribeLive read it, before any write of the deployment.</summary>
    public static GroupBefore Of(LiveFleet live) =>
        new(live.LaunchTemplateAsNamed ?? live.LaunchTemplate, live.MinSize, live.MaxSize, live.DesiredCapacity, live.NewInstancesProtectedFromScaleIn, live.InstanceIds);
}
