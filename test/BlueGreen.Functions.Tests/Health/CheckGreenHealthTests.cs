using BlueGreen.Aws.CloudWatch;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Health;

[Collection(FunctionsCloudCollection.Name)]
public sealed class CheckGreenHealthTests(FunctionsCloud cloud)
{
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Fact]
    public async Task HandleAsync_GreenInServiceAndHealthy_Done()
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);

        var progress = await CheckAsync(state);

        Assert.True(progress.Done, progress.Detail);
        Assert.Equal(_clock.GetUtcNow(), progress.Since);
        Assert.Contains("2 of 2 green instances healthy", progress.Detail);
    }

    [Fact]
    public async Task HandleAsync_GreenUnhealthyWithinTimeout_NotDoneAndKeepsTheLoopsStart()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        try
        {
            var first = await CheckAsync(state);
            _clock.Advance(TimeSpan.FromSeconds(state.Deployment.Settings.Health.TimeoutSeconds - 1));
            var second = await CheckAsync(state with { Progress = first });

            Assert.False(second.Done);
            Assert.Equal(first.Since, second.Since);
            Assert.Contains("marked Unhealthy by Auto Scaling", second.Detail);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_GreenUnhealthyPastTimeout_GreenUnhealthyListsEveryInstanceAndWhy()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var timeout = state.Deployment.Settings.Health.TimeoutSeconds;
        var greenIds = (await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName))!.Instances.Select(i => i.InstanceId).Order().ToList();
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        try
        {
            var first = await CheckAsync(state);
            _clock.Advance(TimeSpan.FromSeconds(timeout));

            var error = await Assert.ThrowsAsync<GreenUnhealthy>(() => CheckAsync(state with { Progress = first }));

            Assert.Contains($"within {timeout} seconds", error.Message);
            var instances = error.Details!["instances"]!.AsArray();
            Assert.Equal(greenIds, instances.Select(i => i!["instanceId"]!.GetValue<string>()).Order());
            Assert.All(instances, i => Assert.Contains("marked Unhealthy by Auto Scaling", i!["reasons"]!.ToJsonString()));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_PreviousLoopFinished_StartsItsOwnClockInsteadOfTimingOut()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        try
        {
            var progress = await CheckAsync(state with { Progress = Progress.Finished(_clock.GetUtcNow().AddDays(-1), "green in service") });

            Assert.False(progress.Done);
            Assert.Equal(_clock.GetUtcNow(), progress.Since);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_WatchedAlarmInAlarm_AlarmFiredNamesItEvenThoughGreenIsHealthy()
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);
        var quiet = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, AlarmState.Ok);
        var firing = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, AlarmState.Alarm);
        state = state.WithSettings(s => s with { Health = s.Health with { AlarmNames = [quiet, firing, "no-such-alarm"] } });

        var error = await Assert.ThrowsAsync<AlarmFired>(() => CheckAsync(state));

        Assert.Contains(firing, error.Message);
        Assert.DoesNotContain(quiet, error.Message);
        Assert.Equal(firing, error.Details!["alarms"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_RunTwice_SameAnswerAndNoWrites()
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var first = await CheckAsync(state);
        var second = await CheckAsync(state);

        Assert.Equal(first, second);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    private Task<Progress> CheckAsync(WorkflowState state) =>
        HandlerCalls.InvokeAsync(new CheckGreenHealth(_clock.Services(cloud)), state, FunctionJsonContext.Default.Progress);
}
