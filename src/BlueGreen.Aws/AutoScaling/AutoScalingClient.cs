using System.Xml.Linq;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.AutoScaling;

/// <summary>Auto Scaling over the Query protocol (2011-01-01).</summary>
internal sealed class AutoScalingClient(QueryProtocol query) : IAutoScaling
{
    public static readonly AwsService Service = new(
        "AutoScaling",
        "AUTO_SCALING",
        "autoscaling",
        "autoscaling",
        new Dictionary<string, ErrorKind>
        {
            ["AlreadyExists"] = ErrorKind.AlreadyExists,
            // "You already have a pending update to an Auto Scaling resource": transient by nature.
            ["ResourceContention"] = ErrorKind.Throttled,
            ["InvalidNextToken"] = ErrorKind.Validation,
        },
        // A missing group or hook is a ValidationError whose message says "not found".
        Refine: error => error.Code == "ValidationError" && error.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            ? ErrorKind.NotFound
            : null);

    public const string Version = "2011-01-01";

    // The most names DescribeAutoScalingGroups and DescribeLaunchConfigurations take in one call.
    private const int NamesPerCall = 50;

    public async Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var groups = new List<AutoScalingGroup>();
        foreach (var chunk in names.Chunk(NamesPerCall))
        {
            groups.AddRange(await DescribeGroupsAsync(r => r.AddList("AutoScalingGroupNames", chunk), cancellationToken));
        }

        return groups;
    }

    public Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsByTagsAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        DescribeGroupsAsync(
            r => r.AddList("Filters", tags, (f, p, tag) => f.Add($"{p}.Name", $"tag:{tag.Key}").AddList($"{p}.Values", [tag.Value])),
            cancellationToken);

    public Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsByTagKeyAsync(string key, CancellationToken cancellationToken = default) =>
        DescribeGroupsAsync(r => r.AddList("Filters", [key], (f, p, k) => f.Add($"{p}.Name", "tag-key").AddList($"{p}.Values", [k])), cancellationToken);

    private Task<IReadOnlyList<AutoScalingGroup>> DescribeGroupsAsync(Action<QueryRequest> select, CancellationToken cancellationToken) =>
        PagesAsync("DescribeAutoScalingGroups", select, "AutoScalingGroups", AutoScalingWire.ReadGroup, cancellationToken);

    public Task CreateAutoScalingGroupAsync(NewAutoScalingGroup group, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("CreateAutoScalingGroup")
                .Add("AutoScalingGroupName", group.Name)
                .AddLaunchTemplate("LaunchTemplate", group.LaunchTemplate)
                .AddMixedInstancesPolicy(group.MixedInstancesPolicy)
                .Add("LaunchConfigurationName", group.LaunchConfigurationName)
                .Add("MinSize", group.MinSize)
                .Add("MaxSize", group.MaxSize)
                .Add("DesiredCapacity", group.DesiredCapacity)
                .Add("VPCZoneIdentifier", AutoScalingWire.ZoneIdentifier(group.SubnetIds))
                .AddList("AvailabilityZones", group.AvailabilityZones)
                .Add("HealthCheckType", group.HealthCheckType)
                .Add("HealthCheckGracePeriod", group.HealthCheckGracePeriodSeconds)
                .AddList("TerminationPolicies", group.TerminationPolicies)
                .AddList("TargetGroupARNs", group.TargetGroupArns)
                .AddTags(group.Name, group.Tags)
                .AddList("LifecycleHookSpecificationList", group.LifecycleHooks, (r, p, hook) => r.AddLifecycleHook($"{p}.", hook))
                .Add("NewInstancesProtectedFromScaleIn", group.NewInstancesProtectedFromScaleIn),
            cancellationToken);

    public Task CreateLaunchConfigurationAsync(string name, string imageId, string instanceType, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("CreateLaunchConfiguration")
                .Add("LaunchConfigurationName", name)
                .Add("ImageId", imageId)
                .Add("InstanceType", instanceType),
            cancellationToken);

    public Task UpdateAutoScalingGroupAsync(AutoScalingGroupUpdate update, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("UpdateAutoScalingGroup")
                .Add("AutoScalingGroupName", update.Name)
                .AddLaunchTemplate("LaunchTemplate", update.LaunchTemplate)
                .AddMixedInstancesPolicy(update.MixedInstancesPolicy)
                .Add("MinSize", update.MinSize)
                .Add("MaxSize", update.MaxSize)
                .Add("DesiredCapacity", update.DesiredCapacity)
                .Add("VPCZoneIdentifier", AutoScalingWire.ZoneIdentifier(update.SubnetIds))
                .Add("HealthCheckType", update.HealthCheckType)
                .Add("HealthCheckGracePeriod", update.HealthCheckGracePeriodSeconds)
                .AddList("TerminationPolicies", update.TerminationPolicies)
                .Add("NewInstancesProtectedFromScaleIn", update.NewInstancesProtectedFromScaleIn),
            cancellationToken);

    public Task DeleteAutoScalingGroupAsync(string name, bool forceDelete = true, CancellationToken cancellationToken = default) =>
        EnsureGone.RunAsync(() => query.SendAsync(
            new QueryRequest("DeleteAutoScalingGroup").Add("AutoScalingGroupName", name).Add("ForceDelete", forceDelete),
            cancellationToken));

    public async Task<IReadOnlyList<LaunchConfiguration>> DescribeLaunchConfigurationsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var configurations = new List<LaunchConfiguration>();
        foreach (var chunk in names.Chunk(NamesPerCall))
        {
            configurations.AddRange(await PagesAsync(
                "DescribeLaunchConfigurations",
                r => r.AddList("LaunchConfigurationNames", chunk),
                "LaunchConfigurations",
                AutoScalingWire.ReadLaunchConfiguration,
                cancellationToken));
        }

        return configurations;
    }

    public Task AttachLoadBalancerTargetGroupsAsync(string groupName, IReadOnlyCollection<string> targetGroupArns, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("AttachLoadBalancerTargetGroups").Add("AutoScalingGroupName", groupName).AddList("TargetGroupARNs", targetGroupArns),
            cancellationToken);

    public Task DetachLoadBalancerTargetGroupsAsync(string groupName, IReadOnlyCollection<string> targetGroupArns, CancellationToken cancellationToken = default) =>
        EnsureGone.RunAsync(() => query.SendAsync(
            new QueryRequest("DetachLoadBalancerTargetGroups").Add("AutoScalingGroupName", groupName).AddList("TargetGroupARNs", targetGroupArns),
            cancellationToken));

    public Task SetDesiredCapacityAsync(string groupName, int desiredCapacity, bool honorCooldown = false, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("SetDesiredCapacity")
                .Add("AutoScalingGroupName", groupName)
                .Add("DesiredCapacity", desiredCapacity)
                .Add("HonorCooldown", honorCooldown),
            cancellationToken);

    public Task CreateOrUpdateTagsAsync(string groupName, IReadOnlyCollection<GroupTag> tags, CancellationToken cancellationToken = default) =>
        query.SendAsync(new QueryRequest("CreateOrUpdateTags").AddTags(groupName, tags), cancellationToken);

    public Task DeleteTagsAsync(string groupName, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("DeleteTags").AddList("Tags", keys, (r, p, key) => r
                .Add($"{p}.ResourceId", groupName)
                .Add($"{p}.ResourceType", "auto-scaling-group")
                .Add($"{p}.Key", key)),
            cancellationToken);

    public async Task<IReadOnlyList<LifecycleHook>> DescribeLifecycleHooksAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(new QueryRequest("DescribeLifecycleHooks").Add("AutoScalingGroupName", groupName), cancellationToken);
        return result.List("LifecycleHooks").Select(AutoScalingWire.ReadLifecycleHook).ToList();
    }

    public Task PutLifecycleHookAsync(string groupName, LifecycleHook hook, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("PutLifecycleHook").Add("AutoScalingGroupName", groupName).AddLifecycleHook("", hook),
            cancellationToken);

    public Task CompleteLifecycleActionAsync(string groupName, string hookName, string instanceId, LifecycleActionResult result, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("CompleteLifecycleAction")
                .Add("AutoScalingGroupName", groupName)
                .Add("LifecycleHookName", hookName)
                .Add("InstanceId", instanceId)
                .Add("LifecycleActionResult", result == LifecycleActionResult.Continue ? "CONTINUE" : "ABANDON"),
            cancellationToken);

    public Task<IReadOnlyList<ScalingActivity>> DescribeScalingActivitiesAsync(string groupName, int maxActivities = 100, CancellationToken cancellationToken = default) =>
        PagesAsync(
            "DescribeScalingActivities",
            r => r.Add("AutoScalingGroupName", groupName).Add("MaxRecords", Math.Min(maxActivities, 100)),
            "Activities",
            AutoScalingWire.ReadActivity,
            cancellationToken,
            maxActivities);

    public Task SetInstanceProtectionAsync(string groupName, IReadOnlyCollection<string> instanceIds, bool protectedFromScaleIn, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("SetInstanceProtection")
                .Add("AutoScalingGroupName", groupName)
                .AddList("InstanceIds", instanceIds)
                .Add("ProtectedFromScaleIn", protectedFromScaleIn),
            cancellationToken);

    public Task TerminateInstanceInAutoScalingGroupAsync(string instanceId, bool decrementDesiredCapacity, CancellationToken cancellationToken = default) =>
        EnsureGone.RunAsync(() => query.SendAsync(
            new QueryRequest("TerminateInstanceInAutoScalingGroup")
                .Add("InstanceId", instanceId)
                .Add("ShouldDecrementDesiredCapacity", decrementDesiredCapacity),
            cancellationToken));

    /// <summary>Follows NextToken until the last page, or until <paramref name="limit"/> items.</summary>
    private async Task<IReadOnlyList<T>> PagesAsync<T>(
        string action, Action<QueryRequest> select, string listName, Func<XElement, T> read, CancellationToken cancellationToken, int limit = int.MaxValue)
    {
        var items = new List<T>();
        string? nextToken = null;
        do
        {
            var request = new QueryRequest(action);
            select(request);
            var result = await query.SendAsync(request.Add("NextToken", nextToken), cancellationToken);
            items.AddRange(result.List(listName).Select(read));
            nextToken = result.Text("NextToken");
        }
        while (!string.IsNullOrEmpty(nextToken) && items.Count < limit);

        return items.Count > limit ? items[..limit] : items;
    }
}
