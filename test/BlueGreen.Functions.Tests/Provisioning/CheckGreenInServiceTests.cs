using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Provisioning;

[Collection(FunctionsCloudCollection.Name)]
public sealed class CheckGreenInServiceTests(FunctionsCloud cloud)
{
    [Fact]
    public async Task HandleAsync_InstanceNotInService_NotDoneThenDoneOnceInServiceKeepingSince()
    {
        var (state, _) = await ProvisionedAsync(capacity: 2);
        var waiting = await StandbyAsync(state.Green!.GroupName, take: 1);
        var first = await ProvisionSupport.CheckInServiceAsync(cloud, state);

        await GroupCallAsync("ExitStandby", state.Green.GroupName, waiting);
        var second = await ProvisionSupport.CheckInServiceAsync(cloud, state with { Progress = first });

        Assert.False(first.Done);
        Assert.Contains($"{waiting[0]} Standby", first.Detail);
        Assert.True(second.Done, second.Detail);
        Assert.Equal(first.Since, second.Since);
    }

    [Fact]
    public async Task HandleAsync_UnhealthyButInService_DoneBecauseHealthIsCheckGreenHealthsJob()
    {
        var (state, imageId) = await ProvisionedAsync(capacity: 1);
        cloud.Cloud.Faults.MarkImageUnhealthy(imageId);
        try
        {
            var progress = await ProvisionSupport.CheckInServiceAsync(cloud, state);

            Assert.True(progress.Done, progress.Detail);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_FirstCheckAfterAnEarlierLoop_StartsItsOwnClockAndOnlyReads()
    {
        var (state, _) = await ProvisionedAsync(capacity: 1);
        var earlierLoop = Progress.Finished(DateTimeOffset.UtcNow.AddHours(-5), "previous loop");
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var started = DateTimeOffset.UtcNow;

        var progress = await ProvisionSupport.CheckInServiceAsync(cloud, state with { Progress = earlierLoop });
        var again = await ProvisionSupport.CheckInServiceAsync(cloud, state with { Progress = earlierLoop });

        Assert.True(progress.Done, progress.Detail);
        Assert.True(again.Done, again.Detail);
        Assert.InRange(progress.Since, started.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_NotInServiceWhenTimeoutPassed_GreenLaunchFailedNamesTheInstances()
    {
        var (provisioned, imageId) = await ProvisionedAsync(capacity: 2);
        var deployment = provisioned.Deployment with
        {
            Settings = provisioned.Deployment.Settings with { Health = provisioned.Deployment.Settings.Health with { TimeoutSeconds = 30 } },
        };
        var state = provisioned with { Deployment = deployment, Progress = Progress.Waiting(DateTimeOffset.UtcNow.AddMinutes(-1), "waiting") };
        var waiting = await StandbyAsync(state.Green!.GroupName, take: 2);

        var error = await Assert.ThrowsAsync<GreenLaunchFailed>(() => ProvisionSupport.CheckInServiceAsync(cloud, state));

        Assert.Contains("30 seconds", error.Message);
        Assert.All(waiting, id => Assert.Contains($"{id} Standby", error.Message));
        Assert.Equal(2, error.Details!["instances"]!.AsArray().Count);
    }

    [Fact]
    public async Task HandleAsync_NotInServiceWithinTimeout_AsksScalingActivitiesForFailures()
    {
        var (state, _) = await ProvisionedAsync(capacity: 1);
        await StandbyAsync(state.Green!.GroupName, take: 1);
        var before = cloud.Cloud.Calls.Snapshot().Count("autoscaling", "DescribeScalingActivities");

        var progress = await ProvisionSupport.CheckInServiceAsync(cloud, state);

        // moto records no activities, so only the question (not a Failed answer) can be shown here.
        Assert.False(progress.Done);
        Assert.Equal(before + 1, cloud.Cloud.Calls.Snapshot().Count("autoscaling", "DescribeScalingActivities"));
    }

    /// <summary>Puts instances of the group in Standby (desired capacity lowered, so none is replaced).</summary>
    private async Task<IReadOnlyList<string>> StandbyAsync(string group, int take)
    {
        var instances = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([group]))[0].Instances.Take(take).Select(i => i.InstanceId).ToList();
        await GroupCallAsync("EnterStandby", group, instances, ("ShouldDecrementDesiredCapacity", "true"));
        return instances;
    }

    private Task GroupCallAsync(string action, string group, IReadOnlyList<string> instances, params (string Key, string Value)[] extra) =>
        cloud.Cloud.Raw.QueryAsync("autoscaling", action, "2011-01-01",
            instances.Select((id, i) => KeyValuePair.Create($"InstanceIds.member.{i + 1}", id))
                .Append(KeyValuePair.Create("AutoScalingGroupName", group))
                .Concat(extra.Select(e => KeyValuePair.Create(e.Key, e.Value))));

    private async Task<(WorkflowState State, string ImageId)> ProvisionedAsync(int capacity)
    {
        var sample = await cloud.SeedSampleAsync(capacity);
        var state = await ProvisionSupport.StateAsync(cloud, sample);
        var green = await ProvisionSupport.ProvisionAsync(cloud, state);
        return (state with { Green = green }, sample.NewImageId);
    }
}
