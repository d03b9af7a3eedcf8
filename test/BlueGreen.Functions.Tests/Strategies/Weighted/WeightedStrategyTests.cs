using BlueGreen.Aws.CloudWatch;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Functions.Strategies;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Strategies.Weighted;

/// <summary>ShiftTraffic with the weighted strategy against moto: the sample's listener forwards to
/// its target group (blue) and the spare one (idle, green's).</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class WeightedStrategyTests(FunctionsCloud cloud)
{
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Fact]
    public async Task DescribeLive_PlainForwardToBluesGroup_SpareGroupIsIdle()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);

        Assert.Equal(new TrafficPath(sample.TargetGroupArn, sample.SpareTargetGroupArn), state.Live!.TrafficPath);
    }

    [Fact]
    public async Task HandleAsync_CanaryCalledUntilDone_WeightsMoveOnlyAfterGreenIsHealthyInTheIdleGroup()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);
        var seen = new List<(string Phase, int Blue, int Green, int HealthyGreen)>();

        while (state.Traffic is not { Done: true } && seen.Count < 30)
        {
            var traffic = await ShiftAsync(state);
            var (blue, green) = await WeightsFleets.ListenerWeightsAsync(cloud, sample);
            seen.Add((traffic.Phase, blue, green, (await TrafficFleets.HealthyTargetsAsync(cloud, sample.SpareTargetGroupArn)).Count));
            state = state with { Traffic = traffic };
            _clock.Advance(TimeSpan.FromSeconds(Math.Max(1, traffic.WaitSeconds)));
        }

        Assert.Equal(TrafficPhase.AwaitGreenTargets, seen[0].Phase);
        Assert.Equal((1, 0), (seen[0].Blue, seen[0].Green));
        Assert.All(seen.Where(s => s.Green > 0), s => Assert.Equal(2, s.HealthyGreen));
        Assert.Equal([(90, 10), (0, 100)], seen.Select(s => (s.Blue, s.Green)).Where(w => w.Item2 > 0).Distinct());
        // Canary 10 % bakes the 60 s interval; then 10 s drain before done.
        Assert.Equal(6, seen.Count(s => s is { Phase: TrafficPhase.Bake, Green: 10 }));
        Assert.Equal(TrafficPhase.Done, seen[^1].Phase);
        var blueGroup = (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!;
        var greenGroup = (await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName))!;
        Assert.Equal([sample.TargetGroupArn], blueGroup.TargetGroupArns);
        Assert.Equal([sample.SpareTargetGroupArn], greenGroup.TargetGroupArns);
        Assert.Equal(2, cloud.Cloud.Calls.Writes().Count(w => w.Operation == "ModifyListener" && w.Body.Contains(Uri.EscapeDataString(sample.ListenerArn))));
    }

    [Fact]
    public async Task HandleAsync_EachPhaseRunTwice_SecondRunWritesNothing()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud, WeightsFleets.AllAtOnce);

        var prepared = await TwiceAsync(state);
        var shifted = await TwiceAsync(state with { Traffic = prepared });
        var baked = await TwiceAsync(state with { Traffic = shifted });
        _clock.Advance(TimeSpan.FromSeconds(10));
        var done = await TwiceAsync(state with { Traffic = baked });

        Assert.Equal(
            [TrafficPhase.AwaitGreenTargets, TrafficPhase.Bake, TrafficPhase.Draining, TrafficPhase.Done],
            new[] { prepared, shifted, baked, done }.Select(t => t.Phase));
        Assert.Equal((0, 100), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
    }

    [Fact]
    public async Task HandleAsync_ListenerWithStickiness_EveryWriteKeepsIt()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud, WeightsFleets.AllAtOnce);
        await WeightsFleets.SetListenerWeightsAsync(cloud, sample, 1, 0, stickinessSeconds: 600);

        var prepared = await ShiftAsync(state);
        await ShiftAsync(state with { Traffic = prepared });

        var listener = Assert.Single(await cloud.Aws.LoadBalancing.DescribeListenersAsync(sample.LoadBalancerArn));
        var forward = Assert.Single(listener.DefaultActions).Forward!;
        Assert.Equal(600, forward.StickinessSeconds);
        Assert.Equal((0, 100), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
    }

    [Fact]
    public async Task HandleAsync_IdleGroupStillHoldsAnotherGroup_DetachedBeforeGreenJoins()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);
        await cloud.Aws.AutoScaling.AttachLoadBalancerTargetGroupsAsync(sample.BlueGroup, [sample.SpareTargetGroupArn]);

        await ShiftAsync(state);

        Assert.Equal([sample.TargetGroupArn], (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!.TargetGroupArns);
        Assert.Equal([sample.SpareTargetGroupArn], (await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName))!.TargetGroupArns);
    }

    [Fact]
    public async Task HandleAsync_GreenNeverHealthyInTheIdleGroup_GreenUnhealthyWithoutAnyWeight()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        try
        {
            var prepared = await ShiftAsync(state);
            _clock.Advance(TimeSpan.FromSeconds(state.Deployment.Settings.Health.TimeoutSeconds));

            await Assert.ThrowsAsync<GreenUnhealthy>(() => ShiftAsync(state with { Traffic = prepared }));

            Assert.Equal((1, 0), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_WatchedAlarmInAlarmWhileBaking_AlarmFiredAndWeightsLeftForRollback()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);
        var prepared = await ShiftAsync(state);
        var baking = await ShiftAsync(state with { Traffic = prepared });
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, AlarmState.Alarm);
        state = state.WithSettings(s => s with { Health = s.Health with { AlarmNames = [alarm] } });

        var error = await Assert.ThrowsAsync<AlarmFired>(() => ShiftAsync(state with { Traffic = baking }));

        Assert.Contains(alarm, error.Message);
        Assert.Contains(TrafficPhase.Bake, error.Message);
        Assert.Equal((90, 10), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
    }

    [Fact]
    public async Task DescribeLive_BothGroupsCarryTraffic_InvalidRequestSaysHowToFix()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        await WeightsFleets.SetListenerWeightsAsync(cloud, sample, 50, 50);

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => WeightsFleets.ToWeightedAsync(cloud, sample, state));

        Assert.Contains("both carry traffic", error.Message);
        Assert.Contains("set the live target group's weight above 0 and the other's to 0", error.Message);
        Assert.Equal("$.weighted.targetGroupArns", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task DescribeLive_ListenerForwardsToAnotherGroup_InvalidRequestNamesIt()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var foreign = await WeightsFleets.CreateTargetGroupAsync(cloud, sample, "other");
        await cloud.Aws.LoadBalancing.ModifyListenerAsync(sample.ListenerArn, new([new(sample.TargetGroupArn, 1), new(foreign, 0)]));

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => WeightsFleets.ToWeightedAsync(cloud, sample, state));

        Assert.Contains(foreign, error.Message);
        Assert.Equal("$.weighted.listenerArn", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task HandleAsync_ListenerRule_ShiftsTheRuleAndLeavesTheDefaultActionAlone()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var rule = await WeightsFleets.CreateRuleAsync(cloud, sample);
        state = await WeightsFleets.ToWeightedAsync(cloud, sample, state, WeightsFleets.AllAtOnce, rule);

        var prepared = await ShiftAsync(state);
        await ShiftAsync(state with { Traffic = prepared });

        var forward = Assert.Single((await cloud.Aws.LoadBalancing.DescribeRulesAsync(sample.ListenerArn)).Single(r => r.Arn == rule).Actions).Forward!;
        Assert.Equal([(sample.TargetGroupArn, 0), (sample.SpareTargetGroupArn, 100)], forward.TargetGroups.Select(g => (g.TargetGroupArn, g.Weight)));
        Assert.Equal((1, 0), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
    }

    [Fact]
    public async Task DescribeLive_ListenerOfNoLoadBalancer_InvalidRequestNamesTheSetting()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        state = await WeightsFleets.ToWeightedAsync(cloud, sample, state);
        var missing = sample.ListenerArn.Replace("/app/", "/app/gone-", StringComparison.Ordinal);
        state = state.WithSettings(s => s with { Weighted = s.Weighted! with { ListenerArn = missing } });

        var error = await Assert.ThrowsAsync<InvalidRequest>(() =>
            HandlerCalls.InvokeAsync(new DescribeLive(cloud.Services), state, FunctionJsonContext.Default.LiveFleet));

        Assert.Equal("$.weighted.listenerArn", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task HandleAsync_WeightedWithoutItsSection_InvalidRequestBeforeAnyWrite()
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var error = await Assert.ThrowsAsync<InvalidRequest>(() =>
            ShiftAsync(state with { Deployment = state.Deployment with { Strategy = Core.Settings.DeploymentStrategy.Weighted } }));

        Assert.Equal("$.weighted", Assert.Single(error.Problems).Path);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task PlanDeployment_AfterAPingPong_NamesTheOtherGroupIdle()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        // The previous deployment's green served from the spare group; the sample's group is idle now.
        await cloud.Aws.AutoScaling.AttachLoadBalancerTargetGroupsAsync(sample.BlueGroup, [sample.SpareTargetGroupArn]);
        await WeightsFleets.SetListenerWeightsAsync(cloud, sample, blue: 0, green: 100);

        state = await WeightsFleets.ToWeightedAsync(cloud, sample, state);
        var plan = await HandlerCalls.InvokeAsync(new PlanDeployment(cloud.Services), state, FunctionJsonContext.Default.DeploymentPlan);

        Assert.Equal([sample.TargetGroupArn], plan.TrafficTargetGroupArns);
        Assert.Contains(plan.Summary, line => line.Contains($"the idle target group {sample.TargetGroupArn} (weight 0 now)", StringComparison.Ordinal));
    }

    private Task<TrafficShift> ShiftAsync(WorkflowState state) => _clock.ShiftAsync(cloud, state);

    private Task<TrafficShift> TwiceAsync(WorkflowState state) => _clock.ShiftTwiceAsync(cloud, state);
}
