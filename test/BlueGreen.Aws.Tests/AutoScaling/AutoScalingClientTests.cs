using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.AutoScaling;

[Collection(MotoCollection.Name)]
public sealed class AutoScalingClientTests(MotoFixture moto)
{
    private readonly IAutoScaling _autoScaling = moto.Clients.AutoScaling;

    [Fact]
    public async Task CreateAutoScalingGroup_WithEverySetting_IsDescribedBack()
    {
        // Arrange
        var template = await moto.CreateLaunchTemplateAsync();
        var targetGroupArn = await moto.CreateTargetGroupAsync();
        var group = new NewAutoScalingGroup(Unique.Name("asg"), 1, 3)
        {
            TargetGroupArns = [targetGroupArn],
            LaunchTemplate = new LaunchTemplateReference(template.Id, Version: "1"),
            DesiredCapacity = 2,
            SubnetIds = moto.DefaultSubnetIds,
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 120,
            TerminationPolicies = ["OldestLaunchTemplate", "Default"],
            Tags = [new GroupTag("bluegreen:color", "green"), new GroupTag("team", "shop", PropagateAtLaunch: false)],
        };

        // Act
        await _autoScaling.CreateAutoScalingGroupAsync(group);
        var described = await moto.DescribeGroupAsync(group.Name);

        // Assert
        Assert.Equal(template.Id, described.LaunchTemplate?.Id);
        Assert.Equal("1", described.LaunchTemplate?.Version);
        Assert.Equal((1, 3, 2), (described.MinSize, described.MaxSize, described.DesiredCapacity));
        Assert.Equal(moto.DefaultSubnetIds, described.SubnetIds);
        Assert.Equal(("ELB", 120), (described.HealthCheckType, described.HealthCheckGracePeriodSeconds));
        Assert.Equal(["OldestLaunchTemplate", "Default"], described.TerminationPolicies);
        Assert.Equal([targetGroupArn], described.TargetGroupArns);
        Assert.Contains(new GroupTag("bluegreen:color", "green"), described.Tags);
        Assert.Contains(new GroupTag("team", "shop", false), described.Tags);
        Assert.Equal(2, described.Instances.Count);
        Assert.All(described.Instances, i => Assert.StartsWith("i-", i.InstanceId));
    }

    [Fact]
    public async Task CreateAutoScalingGroup_WithMixedInstancesPolicy_RoundTripsThePolicy()
    {
        // Arrange
        var template = await moto.CreateLaunchTemplateAsync();
        var policy = new MixedInstancesPolicy(
            new LaunchTemplateReference(template.Id, Version: "$Latest"),
            [new InstanceTypeOverride("t3.micro"), new InstanceTypeOverride("t3a.micro")],
            new InstancesDistribution(OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50, SpotAllocationStrategy: "capacity-optimized"));
        var group = new NewAutoScalingGroup(Unique.Name("asg"), 0, 2) { MixedInstancesPolicy = policy, SubnetIds = moto.DefaultSubnetIds };

        // Act
        await _autoScaling.CreateAutoScalingGroupAsync(group);
        var described = await moto.DescribeGroupAsync(group.Name);

        // Assert
        Assert.NotNull(described.MixedInstancesPolicy);
        Assert.Equal(template.Id, described.MixedInstancesPolicy.LaunchTemplate.Id);
        Assert.Equal(["t3.micro", "t3a.micro"], described.MixedInstancesPolicy.Overrides.Select(o => o.InstanceType));
        Assert.Equal(1, described.MixedInstancesPolicy.Distribution?.OnDemandBaseCapacity);
        Assert.Equal(50, described.MixedInstancesPolicy.Distribution?.OnDemandPercentageAboveBaseCapacity);
    }

    [Fact]
    public async Task CreateAutoScalingGroup_WithLifecycleHooks_SendsHookSpecificationList()
    {
        // Arrange: moto 5.2.1 ignores LifecycleHookSpecificationList, so check what goes on the wire.
        var recorder = new InterceptingHandler();
        using var clients = new AwsClients(MotoFixture.Settings(moto.Endpoint), recorder);
        var group = (await moto.CreateGroupAsync(desired: 0)) with { Name = Unique.Name("asg") };
        var hooked = group with { LifecycleHooks = [new LifecycleHook("warm-up", "autoscaling:EC2_INSTANCE_LAUNCHING", 300, "CONTINUE")] };

        // Act
        await clients.AutoScaling.CreateAutoScalingGroupAsync(hooked);

        // Assert
        var body = Uri.UnescapeDataString(Assert.Single(recorder.Requests).Body);
        Assert.Contains("LifecycleHookSpecificationList.member.1.LifecycleHookName=warm-up", body);
        Assert.Contains("LifecycleHookSpecificationList.member.1.LifecycleTransition=autoscaling:EC2_INSTANCE_LAUNCHING", body);
        Assert.Contains("LifecycleHookSpecificationList.member.1.HeartbeatTimeout=300", body);
        Assert.Contains("LifecycleHookSpecificationList.member.1.DefaultResult=CONTINUE", body);
    }

    [Fact]
    public async Task DescribeAutoScalingGroupsByTags_TwoTags_ReturnsOnlyGroupsWithBoth()
    {
        // Arrange
        var application = Unique.Name("app");
        var blue = await moto.CreateGroupAsync(0, [new GroupTag("bluegreen:application", application), new GroupTag("bluegreen:color", "blue")]);
        await moto.CreateGroupAsync(0, [new GroupTag("bluegreen:application", application), new GroupTag("bluegreen:color", "green")]);

        // Act
        var groups = await _autoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = application, ["bluegreen:color"] = "blue" });

        // Assert
        Assert.Equal(blue.Name, Assert.Single(groups).Name);
    }

    [Fact]
    public async Task DescribeAutoScalingGroupsByTagKey_AnyValue_ReturnsGroupsWithTheKeyOnly()
    {
        // Arrange
        var key = Unique.Name("key");
        var first = await moto.CreateGroupAsync(0, [new GroupTag(key, "shop")]);
        var second = await moto.CreateGroupAsync(0, [new GroupTag(key, "cart")]);
        await moto.CreateGroupAsync(0, [new GroupTag(Unique.Name("other"), "shop")]);

        // Act
        var groups = await _autoScaling.DescribeAutoScalingGroupsByTagKeyAsync(key);

        // Assert
        Assert.Equal(new[] { first.Name, second.Name }.Order(), groups.Select(g => g.Name).Order());
    }

    [Fact]
    public async Task DescribeAutoScalingGroupsByTags_MoreGroupsThanOnePage_ReturnsThemAll()
    {
        // Arrange: pages hold 50 groups.
        var template = await moto.CreateLaunchTemplateAsync();
        var application = Unique.Name("app");
        var names = Enumerable.Range(0, 55).Select(i => $"{application}-{i:D2}").ToList();
        foreach (var name in names)
        {
            await _autoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(name, 0, 1)
            {
                LaunchTemplate = new LaunchTemplateReference(template.Id),
                SubnetIds = moto.DefaultSubnetIds,
                Tags = [new GroupTag("bluegreen:application", application)],
            });
        }

        // Act
        var groups = await _autoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string> { ["bluegreen:application"] = application });

        // Assert
        Assert.Equal(names, groups.Select(g => g.Name).Order());
    }

    [Fact]
    public async Task DescribeAutoScalingGroups_MissingName_ReturnsOnlyExisting()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 0);

        // Act
        var groups = await _autoScaling.DescribeAutoScalingGroupsAsync([group.Name, "no-such-group"]);

        // Assert
        Assert.Equal(group.Name, Assert.Single(groups).Name);
    }

    [Fact]
    public async Task UpdateAutoScalingGroup_SizesAndHealthCheck_AreChanged()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 0);

        // Act
        await _autoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(group.Name)
        {
            MinSize = 1,
            MaxSize = 5,
            DesiredCapacity = 1,
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 30,
        });

        // Assert
        var described = await moto.DescribeGroupAsync(group.Name);
        Assert.Equal((1, 5, 1), (described.MinSize, described.MaxSize, described.DesiredCapacity));
        Assert.Equal(("ELB", 30), (described.HealthCheckType, described.HealthCheckGracePeriodSeconds));
    }

    [Fact]
    public async Task SetDesiredCapacity_Two_LaunchesTwoInstances()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 0);

        // Act
        await _autoScaling.SetDesiredCapacityAsync(group.Name, 2);

        // Assert
        var described = await moto.DescribeGroupAsync(group.Name);
        Assert.Equal(2, described.DesiredCapacity);
        Assert.Equal(2, described.Instances.Count);
    }

    [Fact]
    public async Task CreateOrUpdateTagsThenDeleteTags_ColorTag_IsReplacedThenRemoved()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(0, [new GroupTag("bluegreen:color", "green")]);

        // Act
        await _autoScaling.CreateOrUpdateTagsAsync(group.Name, [new GroupTag("bluegreen:color", "blue"), new GroupTag("owner", "sre")]);
        var afterUpdate = await moto.DescribeGroupAsync(group.Name);
        await _autoScaling.DeleteTagsAsync(group.Name, ["owner"]);
        var afterDelete = await moto.DescribeGroupAsync(group.Name);

        // Assert
        Assert.Equal("blue", afterUpdate.Tags.Single(t => t.Key == "bluegreen:color").Value);
        Assert.Contains(afterUpdate.Tags, t => t.Key == "owner");
        Assert.DoesNotContain(afterDelete.Tags, t => t.Key == "owner");
    }

    [Fact]
    public async Task PutLifecycleHook_TerminatingHook_IsDescribed()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 0);
        var hook = new LifecycleHook("drain", "autoscaling:EC2_INSTANCE_TERMINATING", 120, "ABANDON", "{\"app\":\"shop\"}");

        // Act
        await _autoScaling.PutLifecycleHookAsync(group.Name, hook);

        // Assert
        var described = Assert.Single(await _autoScaling.DescribeLifecycleHooksAsync(group.Name));
        Assert.Equal(hook.Name, described.Name);
        Assert.Equal(hook.Transition, described.Transition);
        Assert.Equal("ABANDON", described.DefaultResult);
    }

    [Fact]
    public async Task SetInstanceProtection_OneInstance_MarksOnlyThatInstance()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 2);
        var instances = (await moto.DescribeGroupAsync(group.Name)).Instances;

        // Act
        await _autoScaling.SetInstanceProtectionAsync(group.Name, [instances[0].InstanceId], protectedFromScaleIn: true);

        // Assert
        var described = (await moto.DescribeGroupAsync(group.Name)).Instances.ToDictionary(i => i.InstanceId, i => i.ProtectedFromScaleIn);
        Assert.True(described[instances[0].InstanceId]);
        Assert.False(described[instances[1].InstanceId]);
    }

    [Fact]
    public async Task TerminateInstanceInAutoScalingGroup_ProtectedDecrementing_InstanceGoneGroupShrinks()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 2);
        var instances = (await moto.DescribeGroupAsync(group.Name)).Instances;
        await _autoScaling.SetInstanceProtectionAsync(group.Name, [instances[0].InstanceId], protectedFromScaleIn: true);

        // Act
        await _autoScaling.TerminateInstanceInAutoScalingGroupAsync(instances[0].InstanceId, decrementDesiredCapacity: true);

        // Assert
        var described = await moto.DescribeGroupAsync(group.Name);
        Assert.Equal(1, described.DesiredCapacity);
        Assert.Equal([instances[1].InstanceId], described.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeAutoScalingGroups_NewInstancesProtected_ReadsTheSetting()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 0);

        // Act
        await _autoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(group.Name) { NewInstancesProtectedFromScaleIn = true });

        // Assert
        Assert.True((await moto.DescribeGroupAsync(group.Name)).NewInstancesProtectedFromScaleIn);
    }

    [Fact]
    public async Task DeleteAutoScalingGroup_WithInstancesForced_GroupIsGone()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 1);

        // Act
        await _autoScaling.DeleteAutoScalingGroupAsync(group.Name, forceDelete: true);

        // Assert
        Assert.Empty(await _autoScaling.DescribeAutoScalingGroupsAsync([group.Name]));
    }

    [Fact]
    public async Task DescribeLaunchConfigurations_ExistingAndMissing_ReturnsExistingWithSettings()
    {
        // Arrange
        var name = Unique.Name("lc");
        await moto.Raw.QueryAsync("autoscaling", "CreateLaunchConfiguration", "2011-01-01",
            ("LaunchConfigurationName", name), ("ImageId", "ami-12c6146b"), ("InstanceType", "t3.small"),
            ("KeyName", "ops"), ("SecurityGroups.member.1", "sg-123"), ("UserData", "ZWNobyBoaQ=="));

        // Act
        var configurations = await _autoScaling.DescribeLaunchConfigurationsAsync([name, "no-such-lc"]);

        // Assert
        var configuration = Assert.Single(configurations);
        Assert.Equal(("ami-12c6146b", "t3.small", "ops"), (configuration.ImageId, configuration.InstanceType, configuration.KeyName));
        Assert.Equal(["sg-123"], configuration.SecurityGroups);
        Assert.Equal("ZWNobyBoaQ==", configuration.UserData);
    }

    [Fact]
    public async Task CreateAutoScalingGroup_FromNewLaunchConfiguration_GroupNamesTheConfiguration()
    {
        // Arrange
        var configuration = Unique.Name("lc");
        await _autoScaling.CreateLaunchConfigurationAsync(configuration, "ami-12c6146b", "t3.micro");

        // Act
        var name = Unique.Name("asg");
        await _autoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(name, 0, 2) { LaunchConfigurationName = configuration, SubnetIds = moto.DefaultSubnetIds });

        // Assert
        Assert.Equal(configuration, (await moto.DescribeGroupAsync(name)).LaunchConfigurationName);
        var created = Assert.Single(await _autoScaling.DescribeLaunchConfigurationsAsync([configuration]));
        Assert.Equal(("ami-12c6146b", "t3.micro"), (created.ImageId, created.InstanceType));
    }

    [Fact]
    public async Task DescribeScalingActivities_GroupThatScaled_ParsesMotosAlwaysEmptyList()
    {
        // Arrange: moto 5.2.1 records no scaling activities, so this proves only the call and its parsing.
        var group = await moto.CreateGroupAsync(desired: 1);

        // Act
        var activities = await _autoScaling.DescribeScalingActivitiesAsync(group.Name);

        // Assert
        Assert.Empty(activities);
    }

    [Fact]
    public async Task CompleteLifecycleAction_OnMoto_SurfacesTypedErrorForTheMissingOperation()
    {
        // Arrange: moto 5.2.1 does not implement CompleteLifecycleAction (the local gateway emulates it).
        var group = await moto.CreateGroupAsync(desired: 1);
        var instance = (await moto.DescribeGroupAsync(group.Name)).Instances[0];

        // Act
        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() =>
            _autoScaling.CompleteLifecycleActionAsync(group.Name, "warm-up", instance.InstanceId, LifecycleActionResult.Continue));

        // Assert: an HTML 500 page, read as a transient server failure (and retried) like any 5xx.
        var unavailable = Assert.IsType<AwsServiceUnavailableException>(error);
        Assert.Equal(("CompleteLifecycleAction", "Http500"), (unavailable.Operation, unavailable.Code));
    }

    [Fact]
    public async Task UpdateAutoScalingGroup_MissingGroup_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() =>
            _autoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate("no-such-group") { MaxSize = 2 }));

        // Assert: Auto Scaling says "not found" only inside a ValidationError.
        Assert.Equal("ValidationError", error.Code);
    }

    [Fact]
    public async Task AttachThenDetachLoadBalancerTargetGroups_OneGroup_IsListedThenGone()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 1);
        var targetGroupArn = await moto.CreateTargetGroupAsync();

        // Act
        await _autoScaling.AttachLoadBalancerTargetGroupsAsync(group.Name, [targetGroupArn]);
        var attached = await moto.DescribeGroupAsync(group.Name);
        await _autoScaling.DetachLoadBalancerTargetGroupsAsync(group.Name, [targetGroupArn]);
        var detached = await moto.DescribeGroupAsync(group.Name);

        // Assert
        Assert.Equal([targetGroupArn], attached.TargetGroupArns);
        Assert.Empty(detached.TargetGroupArns);
    }

    [Fact]
    public async Task DeleteAutoScalingGroup_AlreadyDeleted_IsDone()
    {
        // Arrange: a first delete took effect (its answer may have been lost).
        var group = await moto.CreateGroupAsync(desired: 1);
        await _autoScaling.DeleteAutoScalingGroupAsync(group.Name, forceDelete: true);

        // Act: Auto Scaling answers ValidationError "AutoScalingGroup name not found".
        await _autoScaling.DeleteAutoScalingGroupAsync(group.Name, forceDelete: true);

        // Assert
        Assert.Empty(await _autoScaling.DescribeAutoScalingGroupsAsync([group.Name]));
    }

    [Fact]
    public async Task DetachLoadBalancerTargetGroups_AlreadyDetachedOrGroupGone_IsDone()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 2);
        var targetGroupArn = await moto.CreateTargetGroupAsync();
        await _autoScaling.AttachLoadBalancerTargetGroupsAsync(group.Name, [targetGroupArn]);
        await _autoScaling.DetachLoadBalancerTargetGroupsAsync(group.Name, [targetGroupArn]);

        // Act
        await _autoScaling.DetachLoadBalancerTargetGroupsAsync(group.Name, [targetGroupArn]);
        var detached = await moto.DescribeGroupAsync(group.Name);

        // Assert
        Assert.Empty(detached.TargetGroupArns);
    }

    [Fact]
    public async Task TerminateInstanceInAutoScalingGroup_AlreadyTerminated_IsDoneGroupShrinksOnce()
    {
        // Arrange: a first terminate took effect (its answer may have been lost).
        var group = await moto.CreateGroupAsync(desired: 2);
        var instance = (await moto.DescribeGroupAsync(group.Name)).Instances[0].InstanceId;
        await _autoScaling.TerminateInstanceInAutoScalingGroupAsync(instance, decrementDesiredCapacity: true);

        // Act: Auto Scaling answers ValidationError "Instance Id not found".
        await _autoScaling.TerminateInstanceInAutoScalingGroupAsync(instance, decrementDesiredCapacity: true);

        // Assert
        Assert.Equal(1, (await moto.DescribeGroupAsync(group.Name)).DesiredCapacity);
    }

    [Fact]
    public async Task DeleteTags_TagAlreadyAbsent_IsDone()
    {
        // Arrange
        var group = await moto.CreateGroupAsync(desired: 0, tags: [new GroupTag("bluegreen:retired-by", "d-1")]);
        await _autoScaling.DeleteTagsAsync(group.Name, ["bluegreen:retired-by"]);

        // Act
        await _autoScaling.DeleteTagsAsync(group.Name, ["bluegreen:retired-by"]);

        // Assert
        Assert.DoesNotContain((await moto.DescribeGroupAsync(group.Name)).Tags, t => t.Key == "bluegreen:retired-by");
    }
}
