using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Discovery;

[Collection(FunctionsCloudCollection.Name)]
public sealed class DescribeLiveTests(FunctionsCloud cloud)
{
    private readonly DescribeLive _handler = new(cloud.Services);
    private readonly LockStates _states = new(cloud);

    [Fact]
    public async Task HandleAsync_NoGroupTaggedLive_AdoptsTheSettingsLiveGroupAndResolvesLatest()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 2);
        var state = await StateAsync(sample);

        var live = await DescribeAsync(state);

        Assert.True(live.Adopted);
        Assert.Equal(sample.BlueGroup, live.GroupName);
        Assert.Equal(new LaunchTemplateSpec(sample.LaunchTemplateId, "1"), live.LaunchTemplate);
        Assert.Null(live.LaunchConfigurationName);
        Assert.Equal((2, 4, 2), (live.MinSize, live.MaxSize, live.DesiredCapacity));
        Assert.Equal(sample.SubnetIds.Order(), live.SubnetIds.Order());
        Assert.Equal([sample.TargetGroupArn], live.TargetGroupArns);
        Assert.Equal(2, live.InstanceIds.Count);
    }

    [Fact]
    public async Task HandleAsync_RunTwice_SameFleetAndNoWrite()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var state = await StateAsync(sample);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var first = await DescribeAsync(state);
        var second = await DescribeAsync(state);

        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal(first.GroupName, second.GroupName);
        Assert.Equal(first.LaunchTemplate, second.LaunchTemplate);
        Assert.Equal(first.InstanceIds, second.InstanceIds);
    }

    [Fact]
    public async Task HandleAsync_GroupTaggedLive_FindsItWithoutAdopting()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        await TagLiveAsync(sample.BlueGroup, sample.Application);
        var state = await StateAsync(sample);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var live = await DescribeAsync(state);

        Assert.False(live.Adopted);
        Assert.Equal(sample.BlueGroup, live.GroupName);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_TwoGroupsTaggedLive_LiveGroupNotFoundNamesBoth()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        await TagLiveAsync(sample.BlueGroup, sample.Application);
        var other = $"{sample.Application}-other";
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(other, 0, 1)
        {
            LaunchTemplate = new LaunchTemplateReference(sample.LaunchTemplateId, Version: "1"),
            DesiredCapacity = 0,
            SubnetIds = sample.SubnetIds,
            Tags = [new GroupTag("bluegreen:application", sample.Application), new GroupTag("bluegreen:color", "blue")],
        });
        var state = await StateAsync(sample);

        var error = await Assert.ThrowsAsync<LiveGroupNotFound>(() => DescribeAsync(state));

        Assert.Contains(sample.BlueGroup, error.Message);
        Assert.Contains(other, error.Message);
        Assert.Contains("exactly one", error.Message);
        Assert.Equal(2, error.Details!["found"]!.AsArray().Count);
    }

    [Fact]
    public async Task HandleAsync_NothingTaggedAndLiveGroupMissing_LiveGroupNotFoundSaysWhatWasSearched()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1, (_, targetGroup, _, _) => $$"""
            { "liveGroup": "no-such-group", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"] }
            """);
        var state = await StateAsync(sample);

        var error = await Assert.ThrowsAsync<LiveGroupNotFound>(() => DescribeAsync(state));

        Assert.Contains($"bluegreen:application={sample.Application}", error.Message);
        Assert.Contains("bluegreen:color=blue", error.Message);
        Assert.Contains("\"no-such-group\"", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task HandleAsync_LiveGroupBelongsToAnotherApplication_NotAdopted()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        await cloud.Aws.AutoScaling.CreateOrUpdateTagsAsync(sample.BlueGroup, [new GroupTag("bluegreen:application", "someone-else")]);
        var state = await StateAsync(sample);

        var error = await Assert.ThrowsAsync<LiveGroupNotFound>(() => DescribeAsync(state));

        Assert.Contains("someone-else", error.Message);
        Assert.Contains("another application", error.Message);
    }

    [Fact]
    public async Task HandleAsync_LiveGroupOutsideTheSettingsTargetGroups_LiveGroupNotFoundNamesThem()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1, (blue, _, spare, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{spare}}"] }
            """);
        var state = await StateAsync(sample);

        var error = await Assert.ThrowsAsync<LiveGroupNotFound>(() => DescribeAsync(state));

        Assert.Contains(sample.SpareTargetGroupArn, error.Message);
        Assert.Contains(sample.TargetGroupArn, error.Message);
        Assert.Contains("targetGroupArns", error.Message);
    }

    [Fact]
    public async Task HandleAsync_AutoScalingKeepsThrottling_TransientForTheStateMachineToRetry()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var state = await StateAsync(sample);
        cloud.Cloud.Faults.Throttle("autoscaling", "DescribeAutoScalingGroups", times: 20);
        try
        {
            var error = await Assert.ThrowsAsync<Transient>(() => DescribeAsync(state));

            Assert.Contains("DescribeAutoScalingGroups", error.Message);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    private Task TagLiveAsync(string group, string application) =>
        cloud.Aws.AutoScaling.CreateOrUpdateTagsAsync(group, [new GroupTag("bluegreen:application", application), new GroupTag("bluegreen:color", "blue")]);

    private Task<WorkflowState> StateAsync(SampleApplication sample) =>
        _states.NormalizedAsync(sample.Application, sample.NewImageId, LockStates.UnstartedExecutionArn());

    private async Task<LiveFleet> DescribeAsync(WorkflowState state) =>
        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.LiveFleet);
}
