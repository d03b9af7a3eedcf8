using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// How many of a group's instances have launched into service, against its desired capacity.
/// Health is not judged here: a launched but unhealthy fleet is CheckGreenHealth's to report, as
/// GreenUnhealthy, so GreenLaunchFailed means only "did not launch".
/// </summary>
public sealed record InServiceCount(int Ready, int Desired, IReadOnlyList<GroupInstance> NotReady)
{
    /// <summary>Every instance in service and at least the desired number of them.</summary>
    public bool IsComplete => NotReady.Count == 0 && Ready >= Desired;

    public string Summary =>
        $"{Ready} of {Desired} instances InService"
        + (NotReady.Count > 0 ? $"; not yet: {string.Join(", ", NotReady.Select(i => $"{i.InstanceId} {i.LifecycleState}"))}" : "");

    public static InServiceCount Of(AutoScalingGroup group) => Of(group.Instances, group.DesiredCapacity);

    /// <summary>Some of a group's instances (in-group: the new ones) against the number wanted of them.</summary>
    public static InServiceCount Of(IReadOnlyList<GroupInstance> instances, int desired)
    {
        var ready = instances.Where(IsReady).ToList();
        return new InServiceCount(ready.Count, desired, instances.Where(i => !IsReady(i)).ToList());
    }

    private static bool IsReady(GroupInstance instance) => instance.LifecycleState == "InService";
}
