using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Provisioning;

/// <summary>Which launch template version a group launches from, read and changed the same way
/// whether it names the template directly or through its mixed-instances policy.</summary>
public static class GroupLaunchTemplate
{
    public static LaunchTemplateReference? Of(AutoScalingGroup group) =>
        group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate;

    /// <summary>True when the group already names exactly this template version.</summary>
    public static bool IsOn(AutoScalingGroup group, LaunchTemplateSpec spec) =>
        Of(group) is { } current && current.Id == spec.Id && current.Version == spec.Version;

    /// <summary>An update that points the group at <paramref name="spec"/>, keeping its mixed-instances policy.</summary>
    public static AutoScalingGroupUpdate Pointing(AutoScalingGroup group, LaunchTemplateSpec spec)
    {
        var reference = new LaunchTemplateReference(spec.Id, Version: spec.Version);
        return group.MixedInstancesPolicy is { } policy
            ? new AutoScalingGroupUpdate(group.Name) { MixedInstancesPolicy = policy with { LaunchTemplate = reference } }
            : new AutoScalingGroupUpdate(group.Name) { LaunchTemplate = reference };
    }
}
