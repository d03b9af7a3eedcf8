using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>mixed-instances-capacity: moto truncated the fractional On-Demand/Spot split, so a
/// mixed-instances group of desired 4 (base 1, 50 % above it) ran 3 instances; AWS rounds the
/// On-Demand share up and launches the desired capacity.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class MixedInstancesCapacityWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task CreateAutoScalingGroup_MixedDesired4Base1Half_WithWorkaround_Launches4InService()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var group = await MixedGroupAsync(aws, desired: 4);

        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group);

        Assert.Equal(4, await InServiceAsync(aws, group.Name));
    }

    [Fact]
    public async Task SetDesiredCapacityAndUpdate_MixedGroup_WithWorkaround_InstancesFollowDesired()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var group = await MixedGroupAsync(aws, desired: 1);
        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group);

        await aws.Ours.AutoScaling.SetDesiredCapacityAsync(group.Name, 6);
        var afterSet = await InServiceAsync(aws, group.Name);
        await aws.Ours.AutoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(group.Name) { DesiredCapacity = 4 });
        var afterUpdate = await InServiceAsync(aws, group.Name);

        Assert.Equal((6, 4), (afterSet, afterUpdate));
    }

    [Fact]
    public async Task CreateAutoScalingGroup_MixedDesired4Base1Half_WithoutWorkaround_Launches3()
    {
        using var aws = new MotoSdkClients((await pool.WithoutAsync("mixed-instances-capacity")).Client.Endpoint);
        var group = await MixedGroupAsync(aws, desired: 4);

        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group);

        Assert.Equal(3, await InServiceAsync(aws, group.Name));
    }

    /// <summary>Two instance types, one On-Demand instance as base, half On-Demand above it.</summary>
    private static async Task<NewAutoScalingGroup> MixedGroupAsync(MotoSdkClients aws, int desired)
    {
        var plain = await aws.NewGroupAsync(desired);
        return plain with
        {
            MaxSize = 8,
            LaunchTemplate = null,
            MixedInstancesPolicy = new MixedInstancesPolicy(
                plain.LaunchTemplate!,
                [new InstanceTypeOverride("t3.micro"), new InstanceTypeOverride("t3.small")],
                new InstancesDistribution(OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50)),
        };
    }

    private static async Task<int> InServiceAsync(MotoSdkClients aws, string name) =>
        Assert.Single(await aws.Ours.AutoScaling.DescribeAutoScalingGroupsAsync([name])).Instances.Count(i => i.LifecycleState == "InService");
}
