using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.AutoScaling;

/// <summary>
/// Our Auto Scaling parsers against Query XML generated from botocore's output shapes: the
/// service's namespace, <c>&lt;member&gt;</c> list items, every member present (and pages joined by
/// NextToken), or only the model's required ones. Where a parser cannot do without a member the
/// model leaves optional (a tag's Key, a hook's name), the sparse document keeps it by name.
/// </summary>
public sealed class AutoScalingResponseTests
{
    [Fact]
    public async Task DescribeAutoScalingGroups_EveryMemberOnTwoPages_ReadsEachAndFollowsNextToken()
    {
        // Arrange
        var (pages, clients, requests) = await TwoPagesAsync("DescribeAutoScalingGroups");
        using var _ = clients;

        // Act
        var groups = await clients.AutoScaling.DescribeAutoScalingGroupsAsync(["shop-blue"]);

        // Assert
        Assert.Equal(4, groups.Count);
        Assert.Contains($"NextToken={pages[0].Text("NextToken")}", requests.Requests[1].Body);
        var doc = pages[0];
        var group = groups[0];
        const string g = "AutoScalingGroups.0";
        Assert.Equal(doc.Text($"{g}.AutoScalingGroupName"), group.Name);
        Assert.Equal(doc.Text($"{g}.AutoScalingGroupARN"), group.Arn);
        Assert.Equal(new(doc.Text($"{g}.LaunchTemplate.LaunchTemplateId"), doc.Text($"{g}.LaunchTemplate.LaunchTemplateName"), doc.Text($"{g}.LaunchTemplate.Version")), group.LaunchTemplate);
        const string mixed = $"{g}.MixedInstancesPolicy";
        Assert.Equal(doc.Text($"{mixed}.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId"), group.MixedInstancesPolicy!.LaunchTemplate.Id);
        Assert.Equal(doc.Text($"{mixed}.LaunchTemplate.Overrides.1.InstanceType"), group.MixedInstancesPolicy.Overrides[1].InstanceType);
        Assert.Equal(doc.Text($"{mixed}.LaunchTemplate.Overrides.1.WeightedCapacity"), group.MixedInstancesPolicy.Overrides[1].WeightedCapacity);
        Assert.Equal(doc.Text($"{mixed}.InstancesDistribution.SpotMaxPrice"), group.MixedInstancesPolicy.Distribution!.SpotMaxPrice);
        Assert.Equal((int)doc[$"{mixed}.InstancesDistribution.OnDemandBaseCapacity"]!, group.MixedInstancesPolicy.Distribution.OnDemandBaseCapacity);
        Assert.Equal(doc.Text($"{g}.LaunchConfigurationName"), group.LaunchConfigurationName);
        Assert.Equal((int)doc[$"{g}.MinSize"]!, group.MinSize);
        Assert.Equal((int)doc[$"{g}.MaxSize"]!, group.MaxSize);
        Assert.Equal((int)doc[$"{g}.DesiredCapacity"]!, group.DesiredCapacity);
        Assert.Equal([doc.Text($"{g}.AvailabilityZones.0"), doc.Text($"{g}.AvailabilityZones.1")], group.AvailabilityZones);
        Assert.Equal([doc.Text($"{g}.VPCZoneIdentifier")], group.SubnetIds);
        Assert.Equal(doc.Text($"{g}.HealthCheckType"), group.HealthCheckType);
        Assert.Equal((int)doc[$"{g}.HealthCheckGracePeriod"]!, group.HealthCheckGracePeriodSeconds);
        Assert.Equal(doc.Text($"{g}.TerminationPolicies.1"), group.TerminationPolicies[1]);
        Assert.Equal(doc.Text($"{g}.TargetGroupARNs.1"), group.TargetGroupArns[1]);
        Assert.Equal(new GroupTag(doc.Text($"{g}.Tags.1.Key"), doc.Text($"{g}.Tags.1.Value"), (bool)doc[$"{g}.Tags.1.PropagateAtLaunch"]!), group.Tags[1]);
        var instance = group.Instances[1];
        Assert.Equal(doc.Text($"{g}.Instances.1.InstanceId"), instance.InstanceId);
        Assert.Equal(doc.Text($"{g}.Instances.1.LifecycleState"), instance.LifecycleState);
        Assert.Equal(doc.Text($"{g}.Instances.1.HealthStatus"), instance.HealthStatus);
        Assert.Equal(doc.Text($"{g}.Instances.1.AvailabilityZone"), instance.AvailabilityZone);
        Assert.Equal(doc.Text($"{g}.Instances.1.InstanceType"), instance.InstanceType);
        Assert.Equal(doc.Text($"{g}.Instances.1.LaunchTemplate.Version"), instance.LaunchTemplate!.Version);
        Assert.Equal(doc.Text($"{g}.Instances.1.LaunchConfigurationName"), instance.LaunchConfigurationName);
        Assert.True(instance.ProtectedFromScaleIn);
        Assert.Equal(doc.Time($"{g}.CreatedTime"), group.CreatedAt);
        Assert.Equal(doc.Text($"{g}.Status"), group.Status);
        Assert.True(group.NewInstancesProtectedFromScaleIn);
    }

    [Fact]
    public async Task DescribeAutoScalingGroups_OnlyRequiredMembers_ReadsDefaultsForTheRest()
    {
        // Arrange
        var (clients, _) = WireDocuments.Answering(await WireDocuments.GenerateAsync(
            WireAsk.Sparse("autoscaling", "DescribeAutoScalingGroups", "AutoScalingGroups", "Instances", "Tags", "Key")));
        using var _ = clients;

        // Act
        var group = (await clients.AutoScaling.DescribeAutoScalingGroupsAsync(["shop-blue"]))[0];

        // Assert
        Assert.Null(group.Arn);
        Assert.Null(group.LaunchTemplate);
        Assert.Null(group.MixedInstancesPolicy);
        Assert.Null(group.LaunchConfigurationName);
        Assert.Empty(group.SubnetIds);
        Assert.Null(group.HealthCheckGracePeriodSeconds);
        Assert.Empty(group.TerminationPolicies);
        Assert.Empty(group.TargetGroupArns);
        Assert.Null(group.Status);
        Assert.False(group.NewInstancesProtectedFromScaleIn);
        Assert.Equal(2, group.Tags.Count);
        Assert.All(group.Tags, t => Assert.Equal("", t.Value));
        Assert.All(group.Instances, i => Assert.Null(i.InstanceType));
        Assert.All(group.Instances, i => Assert.Null(i.LaunchTemplate));
    }

    [Fact]
    public async Task DescribeAutoScalingGroups_EmptyGroupsList_ReadsNone()
    {
        var empty = WireAsk.Sparse("autoscaling", "DescribeAutoScalingGroups") with { Set = new Dictionary<string, JsonNode?> { ["AutoScalingGroups"] = new JsonArray() } };
        var (clients, _) = WireDocuments.Answering(await WireDocuments.GenerateAsync(empty));
        using var _ = clients;

        Assert.Empty(await clients.AutoScaling.DescribeAutoScalingGroupsAsync(["shop-blue"]));
    }

    [Fact]
    public async Task DescribeLaunchConfigurations_EveryMember_ReadsEach()
    {
        // Arrange
        var (pages, clients, requests) = await TwoPagesAsync("DescribeLaunchConfigurations");
        using var _ = clients;

        // Act
        var configurations = await clients.AutoScaling.DescribeLaunchConfigurationsAsync(["shop-lc"]);

        // Assert
        Assert.Equal(4, configurations.Count);
        Assert.Contains($"NextToken={pages[0].Text("NextToken")}", requests.Requests[1].Body);
        var doc = pages[0];
        var c = configurations[1];
        const string p = "LaunchConfigurations.1";
        Assert.Equal(doc.Text($"{p}.LaunchConfigurationName"), c.Name);
        Assert.Equal(doc.Text($"{p}.ImageId"), c.ImageId);
        Assert.Equal(doc.Text($"{p}.InstanceType"), c.InstanceType);
        Assert.Equal(doc.Text($"{p}.KeyName"), c.KeyName);
        Assert.Equal([doc.Text($"{p}.SecurityGroups.0"), doc.Text($"{p}.SecurityGroups.1")], c.SecurityGroups);
        Assert.Equal(doc.Text($"{p}.UserData"), c.UserData);
        Assert.Equal(doc.Text($"{p}.IamInstanceProfile"), c.IamInstanceProfile);
        Assert.True(c.AssociatePublicIpAddress);
        Assert.True(c.EbsOptimized);
        Assert.True(c.DetailedMonitoring);
    }

    [Fact]
    public async Task DescribeLaunchConfigurations_OnlyRequiredMembers_ReadsNullsForTheRest()
    {
        var (clients, _) = WireDocuments.Answering(await WireDocuments.GenerateAsync(WireAsk.Sparse("autoscaling", "DescribeLaunchConfigurations", "LaunchConfigurations")));
        using var _ = clients;

        var c = (await clients.AutoScaling.DescribeLaunchConfigurationsAsync(["shop-lc"]))[0];

        Assert.Null(c.KeyName);
        Assert.Empty(c.SecurityGroups);
        Assert.Null(c.UserData);
        Assert.Null(c.IamInstanceProfile);
        Assert.Null(c.AssociatePublicIpAddress);
        Assert.Null(c.EbsOptimized);
        Assert.Null(c.DetailedMonitoring);
    }

    [Fact]
    public async Task DescribeLifecycleHooks_EveryMemberOrOnlyRequired_ReadsWhatIsThere()
    {
        // Arrange
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("autoscaling", "DescribeLifecycleHooks"),
            WireAsk.Sparse("autoscaling", "DescribeLifecycleHooks", "LifecycleHooks", "LifecycleHookName", "LifecycleTransition"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        // Act
        var full = (await clients.AutoScaling.DescribeLifecycleHooksAsync("shop-blue"))[1];
        var sparse = (await clients.AutoScaling.DescribeLifecycleHooksAsync("shop-blue"))[1];

        // Assert
        var doc = documents[0];
        Assert.Equal(
            new LifecycleHookLike(
                doc.Text("LifecycleHooks.1.LifecycleHookName"), doc.Text("LifecycleHooks.1.LifecycleTransition"), (int)doc["LifecycleHooks.1.HeartbeatTimeout"]!,
                doc.Text("LifecycleHooks.1.DefaultResult"), doc.Text("LifecycleHooks.1.NotificationMetadata"), doc.Text("LifecycleHooks.1.NotificationTargetARN"), doc.Text("LifecycleHooks.1.RoleARN")),
            new LifecycleHookLike(full.Name, full.Transition, full.HeartbeatTimeoutSeconds, full.DefaultResult, full.NotificationMetadata, full.NotificationTargetArn, full.RoleArn));
        Assert.Equal(documents[1].Text("LifecycleHooks.1.LifecycleHookName"), sparse.Name);
        Assert.Null(sparse.HeartbeatTimeoutSeconds);
        Assert.Null(sparse.RoleArn);
    }

    [Fact]
    public async Task DescribeScalingActivities_EveryMemberOnTwoPages_ReadsEachAndFollowsNextToken()
    {
        // Arrange
        var (pages, clients, requests) = await TwoPagesAsync("DescribeScalingActivities", WireAsk.Sparse("autoscaling", "DescribeScalingActivities", "Activities"));
        using var _ = clients;

        // Act
        var activities = await clients.AutoScaling.DescribeScalingActivitiesAsync("shop-blue");

        // Assert
        Assert.Equal(4, activities.Count);
        Assert.Contains($"NextToken={pages[0].Text("NextToken")}", requests.Requests[1].Body);
        var doc = pages[0];
        var a = activities[0];
        Assert.Equal(doc.Text("Activities.0.ActivityId"), a.ActivityId);
        Assert.Equal(doc.Text("Activities.0.Description"), a.Description);
        Assert.Equal(doc.Text("Activities.0.Cause"), a.Cause);
        Assert.Equal(doc.Text("Activities.0.StatusCode"), a.StatusCode);
        Assert.Equal(doc.Text("Activities.0.StatusMessage"), a.StatusMessage);
        Assert.Equal(doc.Time("Activities.0.StartTime"), a.StartedAt);
        Assert.Equal(doc.Time("Activities.0.EndTime"), a.EndedAt);
        Assert.Equal((int)doc["Activities.0.Progress"]!, a.Progress);
        var sparse = activities[3];
        Assert.Equal("", sparse.Description);
        Assert.Null(sparse.StatusMessage);
        Assert.Null(sparse.EndedAt);
        Assert.Null(sparse.Progress);
    }

    /// <summary>A first page with every member and a NextToken, then <paramref name="lastPage"/> (every
    /// member, no token, unless given), answered in order by clients with no server behind them.</summary>
    private static async Task<(IReadOnlyList<WireDocument> Pages, AwsClients Clients, InterceptingHandler Requests)> TwoPagesAsync(string operation, WireAsk? lastPage = null)
    {
        var pages = await WireDocuments.GenerateAsync(WireAsk.Full("autoscaling", operation, lastPage: false), lastPage ?? WireAsk.Full("autoscaling", operation));
        var (clients, requests) = WireDocuments.Answering(pages);
        return (pages, clients, requests);
    }

    private sealed record LifecycleHookLike(string Name, string Transition, int? Heartbeat, string? DefaultResult, string? Metadata, string? Target, string? Role);
}
