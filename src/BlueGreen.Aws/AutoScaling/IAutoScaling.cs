namespace BlueGreen.Aws.AutoScaling;

/// <summary>The Auto Scaling calls BlueGreen makes. Lists come back whole (pages are followed).</summary>
public interface IAutoScaling
{
    /// <summary>Groups with these names; missing names are absent from the result.</summary>
    Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    /// <summary>Groups carrying every one of these tags (key = value).</summary>
    Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsByTagsAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>Groups carrying the tag <paramref name="key"/>, whatever its value (filter <c>tag-key</c>).</summary>
    Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsByTagKeyAsync(string key, CancellationToken cancellationToken = default);

    Task CreateAutoScalingGroupAsync(NewAutoScalingGroup group, CancellationToken cancellationToken = default);

    /// <summary>A launch configuration (the local sample makes one for a blue group that still
    /// uses them; BlueGreen only reads them and launches green from a template).</summary>
    Task CreateLaunchConfigurationAsync(string name, string imageId, string instanceType, CancellationToken cancellationToken = default);

    Task UpdateAutoScalingGroupAsync(AutoScalingGroupUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Ensures the group is gone: a group that no longer exists (deleted by an earlier
    /// attempt whose answer was lost) counts as done.</summary>
    /// <param name="forceDelete">Terminate the instances too instead of failing while there are any.</param>
    Task DeleteAutoScalingGroupAsync(string name, bool forceDelete = true, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LaunchConfiguration>> DescribeLaunchConfigurationsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    Task AttachLoadBalancerTargetGroupsAsync(string groupName, IReadOnlyCollection<string> targetGroupArns, CancellationToken cancellationToken = default);

    /// <summary>Ensures the target groups are not attached: ones already detached, or a group that
    /// no longer exists, count as done.</summary>
    Task DetachLoadBalancerTargetGroupsAsync(string groupName, IReadOnlyCollection<string> targetGroupArns, CancellationToken cancellationToken = default);

    Task SetDesiredCapacityAsync(string groupName, int desiredCapacity, bool honorCooldown = false, CancellationToken cancellationToken = default);

    Task CreateOrUpdateTagsAsync(string groupName, IReadOnlyCollection<GroupTag> tags, CancellationToken cancellationToken = default);

    /// <summary>Tags already absent are fine (the service's own behaviour).</summary>
    Task DeleteTagsAsync(string groupName, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LifecycleHook>> DescribeLifecycleHooksAsync(string groupName, CancellationToken cancellationToken = default);

    Task PutLifecycleHookAsync(string groupName, LifecycleHook hook, CancellationToken cancellationToken = default);

    Task CompleteLifecycleActionAsync(string groupName, string hookName, string instanceId, LifecycleActionResult result, CancellationToken cancellationToken = default);

    /// <summary>Newest first, at most <paramref name="maxActivities"/>.</summary>
    Task<IReadOnlyList<ScalingActivity>> DescribeScalingActivitiesAsync(string groupName, int maxActivities = 100, CancellationToken cancellationToken = default);

    Task SetInstanceProtectionAsync(string groupName, IReadOnlyCollection<string> instanceIds, bool protectedFromScaleIn, CancellationToken cancellationToken = default);

    /// <summary>Ensures one instance of a group is terminated, protected from scale-in or not: an
    /// instance no group manages any more (terminated by an earlier attempt) counts as done, and the
    /// group is not shrunk a second time.</summary>
    /// <param name="decrementDesiredCapacity">True: the group shrinks by one; false: it launches a replacement.</param>
    Task TerminateInstanceInAutoScalingGroupAsync(string instanceId, bool decrementDesiredCapacity, CancellationToken cancellationToken = default);
}
