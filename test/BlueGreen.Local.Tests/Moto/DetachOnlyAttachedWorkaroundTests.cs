using BlueGreen.Aws.Errors;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>detach-only-attached: a detach repeated after a lost answer failed InvalidTarget in moto.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class DetachOnlyAttachedWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task DetachLoadBalancerTargetGroups_TwiceWithWorkaround_SecondIsANoOp()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var (group, targetGroup) = await AttachedGroupAsync(aws);
        await aws.Ours.AutoScaling.DetachLoadBalancerTargetGroupsAsync(group, [targetGroup]);

        await aws.Ours.AutoScaling.DetachLoadBalancerTargetGroupsAsync(group, [targetGroup]);

        Assert.Empty(Assert.Single(await aws.Ours.AutoScaling.DescribeAutoScalingGroupsAsync([group])).TargetGroupArns);
    }

    [Fact]
    public async Task DetachLoadBalancerTargetGroups_TwiceWithoutWorkaround_InvalidTarget()
    {
        using var aws = new MotoSdkClients((await pool.WithoutAsync("detach-only-attached")).Client.Endpoint);
        var (group, targetGroup) = await AttachedGroupAsync(aws);
        await aws.Ours.AutoScaling.DetachLoadBalancerTargetGroupsAsync(group, [targetGroup]);

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => aws.Ours.AutoScaling.DetachLoadBalancerTargetGroupsAsync(group, [targetGroup]));

        Assert.Equal("InvalidTarget", error.Code);
    }

    private static async Task<(string Group, string TargetGroup)> AttachedGroupAsync(MotoSdkClients aws)
    {
        var targetGroup = await aws.CreateTargetGroupAsync();
        var group = await aws.NewGroupAsync(desired: 2, targetGroupArns: [targetGroup]);
        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group);
        return (group.Name, targetGroup);
    }
}
