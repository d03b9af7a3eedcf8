using BlueGreen.Aws.CloudWatch;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Functions.Strategies;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Strategies.Swap;

[Collection(FunctionsCloudCollection.Name)]
public sealed class SwapTrafficTests(FunctionsCloud cloud)
{
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Fact]
    public async Task HandleAsync_SwapCalledUntilDone_GreenAttachedBlueDetachedAndNeverNoHealthyTarget()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var blueIds = state.Live!.InstanceIds;
        var phases = new List<string>();

        // The state machine's loop: ShiftTraffic → Choice on done → Wait → ShiftTraffic.
        while (state.Traffic is not { Done: true } && phases.Count < 10)
        {
            var traffic = await ShiftAsync(state);
            phases.Add(traffic.Phase);
            Assert.NotEmpty(await TrafficFleets.HealthyTargetsAsync(cloud, sample.TargetGroupArn));
            state = state with { Traffic = traffic };
            // The Wait state between calls: half the drain time each.
            _clock.Advance(TimeSpan.FromSeconds(state.Deployment.Settings.BlueAfterCutover.DrainSeconds / 2.0));
        }

        Assert.Equal([TrafficPhase.AwaitGreenTargets, TrafficPhase.Draining, TrafficPhase.Draining, TrafficPhase.Done], phases);
        Assert.True(state.Traffic!.BlueDetached);
        var blue = (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!;
        var green = (await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName))!;
        Assert.Empty(blue.TargetGroupArns);
        Assert.Equal([sample.TargetGroupArn], green.TargetGroupArns);
        Assert.Equal(state.Live.DesiredCapacity, blue.DesiredCapacity);
        var serving = await TrafficFleets.HealthyTargetsAsync(cloud, sample.TargetGroupArn);
        Assert.Equal(green.Instances.Select(i => i.InstanceId).Order(), serving.Order());
        Assert.Empty(serving.Intersect(blueIds));
    }

    [Fact]
    public async Task HandleAsync_EachPhaseRunTwice_SecondRunGivesTheSamePhaseAndWritesNothing()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);

        var attached = await TwiceAsync(state);
        var detached = await TwiceAsync(state with { Traffic = attached });
        _clock.Advance(TimeSpan.FromSeconds(state.Deployment.Settings.BlueAfterCutover.DrainSeconds));
        var drained = await TwiceAsync(state with { Traffic = detached });
        var done = await TwiceAsync(state with { Traffic = drained });

        Assert.Equal(
            [TrafficPhase.AwaitGreenTargets, TrafficPhase.Draining, TrafficPhase.Done, TrafficPhase.Done],
            new[] { attached, detached, drained, done }.Select(t => t.Phase));
        Assert.Empty((await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!.TargetGroupArns);
    }

    [Fact]
    public async Task HandleAsync_GreenUnhealthyInTargetGroup_AwaitsThenGreenUnhealthyWithBlueStillServing()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var timeout = state.Deployment.Settings.Health.TimeoutSeconds;
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        try
        {
            var attached = await ShiftAsync(state);
            _clock.Advance(TimeSpan.FromSeconds(timeout - 1));
            var waiting = await ShiftAsync(state with { Traffic = attached });
            _clock.Advance(TimeSpan.FromSeconds(1));
            var error = await Assert.ThrowsAsync<GreenUnhealthy>(() => ShiftAsync(state with { Traffic = waiting }));

            Assert.Equal(TrafficPhase.AwaitGreenTargets, waiting.Phase);
            Assert.False(waiting.BlueDetached);
            Assert.Equal(attached.PhaseSince, waiting.PhaseSince);
            Assert.Contains("unhealthy in target group", waiting.Detail);
            Assert.Contains("unhealthy in target group", error.Details!["instances"]!.ToJsonString());
            Assert.Equal([sample.TargetGroupArn], (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!.TargetGroupArns);
            Assert.Equal(state.Live!.InstanceIds.Order(), (await TrafficFleets.HealthyTargetsAsync(cloud, sample.TargetGroupArn)).Order());
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_WatchedAlarmInAlarmWhileDraining_AlarmFiredNamesIt()
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);
        var attached = await ShiftAsync(state);
        var detached = await ShiftAsync(state with { Traffic = attached });
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, AlarmState.Alarm);
        state = state.WithSettings(s => s with { Health = s.Health with { AlarmNames = [alarm] } });

        var error = await Assert.ThrowsAsync<AlarmFired>(() => ShiftAsync(state with { Traffic = detached }));

        Assert.Contains(alarm, error.Message);
        Assert.Contains(TrafficPhase.Draining, error.Message);
    }

    private Task<TrafficShift> ShiftAsync(WorkflowState state) => _clock.ShiftAsync(cloud, state);

    private Task<TrafficShift> TwiceAsync(WorkflowState state) => _clock.ShiftTwiceAsync(cloud, state);
}
