using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Functions.Provisioning;

/// <summary>How many of a group's instances are InService and Healthy, against its desired capacity.</summary>
public sealed record InServiceCount(int Ready, int Desired, IReadOnlyList<GroupInstance> NotReady)
{
    /// <summary>Every instance ready and exactly the desired number of them.</summary>
    public bool IsComplete => NotReady.Count == 0 && Ready == Desired;

    public string Summary =>
        $"{Ready} of {Desired} instances InService and Healthy"
        + (NotReady.Count > 0 ? $"; not yet: {string.Join(", ", NotReady.Select(i => $"{i.InstanceId} {i.LifecycleState}/{i.HealthStatus}"))}" : "");

    public static InServiceCount Of(AutoScalingGroup group)
    {
        var ready = group.Instances.Where(IsReady).ToList();
        return new InServiceCount(ready.Count, group.DesiredCapacity, group.Instances.Where(i => !IsReady(i)).ToList());
    }

    private static bool IsReady(GroupInstance instance) =>
        instance.LifecycleState == "InService" && string.Equals(instance.HealthStatus, "Healthy", StringComparison.OrdinalIgnoreCase);
}
