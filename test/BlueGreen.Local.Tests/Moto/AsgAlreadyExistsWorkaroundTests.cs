using BlueGreen.Aws.Errors;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>asg-already-exists: moto replaced a group created again under the same name; AWS refuses.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class AsgAlreadyExistsWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task CreateAutoScalingGroup_ExistingNameWithWorkaround_AlreadyExistsAndFirstGroupKept()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var group = await aws.NewGroupAsync();
        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group);

        var refused = await Assert.ThrowsAsync<AwsAlreadyExistsException>(() => aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group with { DesiredCapacity = 0 }));

        Assert.Equal("AlreadyExists", refused.Code);
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains($"A group with the name {group.Name} already exists", refused.ErrorMessage, StringComparison.Ordinal);
        var kept = Assert.Single(await aws.Ours.AutoScaling.DescribeAutoScalingGroupsAsync([group.Name]));
        Assert.Single(kept.Instances);
    }

    [Fact]
    public async Task CreateAutoScalingGroup_ExistingNameWithoutWorkaround_ReplacesTheGroup()
    {
        using var aws = new MotoSdkClients((await pool.WithoutAsync("asg-already-exists")).Client.Endpoint);
        var group = await aws.NewGroupAsync();
        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group);

        await aws.Ours.AutoScaling.CreateAutoScalingGroupAsync(group with { DesiredCapacity = 0 });

        var replaced = Assert.Single(await aws.Ours.AutoScaling.DescribeAutoScalingGroupsAsync([group.Name]));
        Assert.Equal(0, replaced.DesiredCapacity);
    }
}
