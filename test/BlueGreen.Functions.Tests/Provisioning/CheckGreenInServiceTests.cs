using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Provisioning;

[Collection(FunctionsCloudCollection.Name)]
public sealed class CheckGreenInServiceTests(FunctionsCloud cloud)
{
    [Fact]
    public async Task HandleAsync_GreenInstancesUnhealthy_NotDoneThenDoneOnceHealthyKeepingSince()
    {
        var (state, imageId) = await ProvisionedAsync(capacity: 2);
        cloud.Cloud.Faults.MarkImageUnhealthy(imageId);
        Progress first;
        try
        {
            first = await ProvisionSupport.CheckInServiceAsync(cloud, state);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        var second = await ProvisionSupport.CheckInServiceAsync(cloud, state with { Progress = first });

        Assert.False(first.Done);
        Assert.Contains("0 of 2", first.Detail);
        Assert.Contains("InService/Unhealthy", first.Detail);
        Assert.True(second.Done, second.Detail);
        Assert.Equal(first.Since, second.Since);
        Assert.Contains("2 of 2", second.Detail);
    }

    [Fact]
    public async Task HandleAsync_FirstCheckAfterAnEarlierLoop_StartsItsOwnClockAndOnlyReads()
    {
        var (state, _) = await ProvisionedAsync(capacity: 1);
        var earlierLoop = new Progress(true, DateTimeOffset.UtcNow.AddHours(-5), "previous loop");
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
        var state = provisioned with { Deployment = deployment, Progress = new Progress(false, DateTimeOffset.UtcNow.AddMinutes(-1), "waiting") };
        var instances = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([state.Green!.GroupName]))[0].Instances;
        cloud.Cloud.Faults.MarkImageUnhealthy(imageId);
        GreenLaunchFailed error;
        try
        {
            error = await Assert.ThrowsAsync<GreenLaunchFailed>(() => ProvisionSupport.CheckInServiceAsync(cloud, state));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        Assert.Contains("30 seconds", error.Message);
        Assert.Contains("0 of 2", error.Message);
        Assert.All(instances, i => Assert.Contains(i.InstanceId, error.Message));
        Assert.Equal(2, error.Details!["desired"]!.GetValue<int>());
        Assert.Equal(2, error.Details["instances"]!.AsArray().Count);
    }

    [Fact]
    public async Task HandleAsync_NotInServiceWithinTimeout_AsksScalingActivitiesForFailures()
    {
        var (state, imageId) = await ProvisionedAsync(capacity: 1);
        var before = cloud.Cloud.Calls.Snapshot().Count("autoscaling", "DescribeScalingActivities");
        cloud.Cloud.Faults.MarkImageUnhealthy(imageId);
        Progress progress;
        try
        {
            progress = await ProvisionSupport.CheckInServiceAsync(cloud, state);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        // moto records no activities, so only the question (not a Failed answer) can be shown here.
        Assert.False(progress.Done);
        Assert.Equal(before + 1, cloud.Cloud.Calls.Snapshot().Count("autoscaling", "DescribeScalingActivities"));
    }

    private async Task<(WorkflowState State, string ImageId)> ProvisionedAsync(int capacity)
    {
        var sample = await cloud.SeedSampleAsync(capacity);
        var state = await ProvisionSupport.StateAsync(cloud, sample);
        var green = await ProvisionSupport.ProvisionAsync(cloud, state);
        return (state with { Green = green }, sample.NewImageId);
    }
}
