namespace BlueGreen.Functions.Contracts;

/// <summary>The fleet serving traffic when the deployment started (blue): what green copies and
/// what rollback restores. <see cref="Adopted"/> is true when it was found through the settings'
/// <c>liveGroup</c> because no group was tagged live yet (for <c>pair</c>: also when found as
/// the pair's only group with instances). <see cref="TrafficPath"/> is set for the weighted and dns
/// strategies only: which half of the weighted pair blue serves through.
/// <see cref="NewInstancesProtectedFromScaleIn"/> is the group's setting, which in-group restores.
/// <see cref="LaunchTemplate"/> is the version resolved to a number (what green copies);
/// <see cref="LaunchTemplateAsNamed"/> the reference as the group names it (<c>$Latest</c>,
/// <c>$Default</c> or a number), which a rollback of in-group puts back unchanged.</summary>
public sealed record LiveFleet(
    string GroupName,
    LaunchTemplateSpec? LaunchTemplate,
    string? LaunchConfigurationName,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> TargetGroupArns,
    IReadOnlyList<string> InstanceIds,
    bool Adopted,
    TrafficPath? TrafficPath = null,
    bool NewInstancesProtectedFromScaleIn = false,
    LaunchTemplateSpec? LaunchTemplateAsNamed = null);

/// <summary>A launch template version by id (names are not needed once the id is known).</summary>
public sealed record LaunchTemplateSpec(string Id, string Version);
