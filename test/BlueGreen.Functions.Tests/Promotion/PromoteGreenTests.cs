using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Promotion;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Promotion;

[Collection(FunctionsCloudCollection.Name)]
public sealed class PromoteGreenTests(FunctionsCloud cloud)
{
    private readonly PromoteGreen _handler = new(cloud.Services);

    [Fact]
    public async Task HandleAsync_AfterCutover_GreenTaggedLiveAndBlueUntaggedAndMarkedRetired()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var color = state.Deployment.Settings.ColorTag;

        var promoted = await PromoteAsync(state);

        Assert.Equal((state.Green!.GroupName, sample.BlueGroup, color.Key), (promoted.LiveGroup, promoted.RetiredGroup, promoted.ColorTagKey));
        var green = Tags((await TrafficFleets.FindGroupAsync(cloud, state.Green.GroupName))!);
        var blue = Tags((await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!);
        Assert.Equal(color.Blue, green[color.Key]);
        Assert.Equal(state.Deployment.DeploymentId, green[TagKeys.Deployment]);
        Assert.False(blue.ContainsKey(color.Key));
        Assert.Equal(state.Deployment.DeploymentId, blue[RetirementTag.RetiredBy]);
        var live = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string>
        {
            [TagKeys.Application] = sample.Application,
            [color.Key] = color.Blue,
        });
        Assert.Equal([state.Green.GroupName], live.Select(g => g.Name));
    }

    [Fact]
    public async Task HandleAsync_GreenInstancesRunning_TheirOwnColorTagBecomesLive()
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);
        var color = state.Deployment.Settings.ColorTag;
        var ids = (await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName))!.Instances.Select(i => i.InstanceId).ToList();

        await PromoteAsync(state);

        var instances = await cloud.Aws.Ec2.DescribeInstancesAsync(ids);
        Assert.Equal(ids.Count, instances.Count);
        Assert.All(instances, i => Assert.Equal(color.Blue, i.Tags.GetValueOrDefault(color.Key)));
    }

    [Fact]
    public async Task HandleAsync_BlueTaggedLiveByAnEarlierDeployment_LosesItsColorTag()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var color = state.Deployment.Settings.ColorTag;
        await cloud.Aws.AutoScaling.CreateOrUpdateTagsAsync(sample.BlueGroup, [new(color.Key, color.Blue)]);

        await PromoteAsync(state);

        Assert.False(Tags((await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!).ContainsKey(color.Key));
    }

    [Fact]
    public async Task HandleAsync_RunTwice_SameResultAndSecondRunWritesNothing()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        await cloud.Aws.AutoScaling.CreateOrUpdateTagsAsync(sample.BlueGroup, [new(state.Deployment.Settings.ColorTag.Key, state.Deployment.Settings.ColorTag.Blue)]);

        var first = await PromoteAsync(state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await PromoteAsync(state);

        Assert.Equal((first.LiveGroup, first.RetiredGroup), (second.LiveGroup, second.RetiredGroup));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    private Task<Promoted> PromoteAsync(WorkflowState state) =>
        HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.Promoted);

    private static Dictionary<string, string> Tags(Aws.AutoScaling.AutoScalingGroup group) =>
        group.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
}
