namespace BlueGreen.Local.Sample;

/// <summary>How the sample's blue group names what its instances launch from: every way a team's
/// existing group may reference its launch spec, each of which a deployment must leave as it was.</summary>
public enum BlueLaunchSpec
{
    /// <summary>The launch template at <c>$Latest</c> (a new version of the template changes what blue launches).</summary>
    LatestVersion,

    /// <summary>The launch template at <c>$Default</c>.</summary>
    DefaultVersion,

    /// <summary>The launch template at version <c>1</c>.</summary>
    ExplicitVersion,

    /// <summary>A (legacy) launch configuration on the old AMI.</summary>
    LaunchConfiguration,

    /// <summary>A mixed-instances policy (two instance types) over the launch template at <c>$Latest</c>.</summary>
    MixedInstancesPolicy,
}
