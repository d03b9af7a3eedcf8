using BlueGreen.Local.Calls;
using System.Text.Json.Nodes;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Local.Sample;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Strategies.Weights;

/// <summary>RollBack after a weighted or dns shift began: its first write puts blue back to 100 / green 0.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class WeightRestoreTests(FunctionsCloud cloud)
{
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Fact]
    public async Task HandleAsync_WeightedMidCanary_FirstWriteIsTheListenerBackTo100For0()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);
        state = await ShiftTwiceAsync(state);
        Assert.Equal((90, 10), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
        var before = cloud.Cloud.Calls.Writes().Count;

        var outcome = await RollBackAsync(state);

        var writes = cloud.Cloud.Calls.Writes().Skip(before).ToList();
        Assert.Equal("ModifyListener", writes[0].Operation);
        Assert.Equal(new Dictionary<string, int> { [sample.TargetGroupArn] = 100, [sample.SpareTargetGroupArn] = 0 }, TrafficWrites.Weights(writes[0]));
        Assert.Equal((100, 0), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
        Assert.Null(await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName));
        Assert.True(JsonNode.Parse(outcome.Cause)!["rolledBack"]!.GetValue<bool>());
    }

    [Fact]
    public async Task HandleAsync_RunTwice_SecondRunDoesNotTouchTheWeights()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);
        state = await ShiftTwiceAsync(state);
        await RollBackAsync(state);
        var before = cloud.Cloud.Calls.Writes().Count;

        await RollBackAsync(state);

        Assert.DoesNotContain(cloud.Cloud.Calls.Writes().Skip(before), TrafficWrites.IsWeightWrite);
        Assert.Equal((100, 0), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
    }

    [Fact]
    public async Task HandleAsync_DnsMidLinear_FirstWriteIsOneChangeBackTo100For0()
    {
        var (dns, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: 30);
        state = await ShiftTwiceAsync(state);
        Assert.Equal((50L, 50L), await WeightsFleets.RecordWeightsAsync(cloud, dns));
        var before = cloud.Cloud.Calls.Writes().Count;

        await RollBackAsync(state);

        var writes = cloud.Cloud.Calls.Writes().Skip(before).ToList();
        Assert.Equal("ChangeResourceRecordSets", writes[0].Operation);
        Assert.Equal(new Dictionary<string, int> { [DnsSample.LiveColor] = 100, [DnsSample.IdleColor] = 0 }, TrafficWrites.Weights(writes[0]));
        Assert.Single(writes, w => w.Operation == "ChangeResourceRecordSets");
        Assert.Equal((100L, 0L), await WeightsFleets.RecordWeightsAsync(cloud, dns));
    }

    [Fact]
    public async Task HandleAsync_AfterFullCutoverBeforeBlueRetired_ListenerBackToBlueWhoStillServes()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud, WeightsFleets.AllAtOnce);
        state = await ShiftTwiceAsync(state);
        Assert.Equal((0, 100), await WeightsFleets.ListenerWeightsAsync(cloud, sample));
        var before = cloud.Cloud.Calls.Writes().Count;

        await RollBackAsync(state);

        var first = cloud.Cloud.Calls.Writes().Skip(before).First();
        Assert.Equal(new Dictionary<string, int> { [sample.TargetGroupArn] = 100, [sample.SpareTargetGroupArn] = 0 }, TrafficWrites.Weights(first));
        var blue = (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!;
        Assert.Equal([sample.TargetGroupArn], blue.TargetGroupArns);
        Assert.Equal(blue.Instances.Select(i => i.InstanceId).Order(), (await TrafficFleets.HealthyTargetsAsync(cloud, sample.TargetGroupArn)).Order());
    }

    [Fact]
    public async Task RollbackFailedCause_WeightedMidCanary_SaysWhichWeightsToSetByHand()
    {
        var (sample, state) = await WeightsFleets.WeightedAsync(cloud);

        var cause = JsonNode.Parse(RollbackFailedCause.Build(state with { Failure = new StepFailure("AlarmFired", "alarm") }, new StepFailure("Transient", "throttled"), new ObservedFleets(2, 2)))!;

        var steps = cause["details"]!["manualSteps"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(
            $"Set the forward action of listener {sample.ListenerArn} back to blue: {sample.TargetGroupArn} weight 100, {sample.SpareTargetGroupArn} weight 0 ({sample.BlueGroup} serves from the first).",
            steps[0]);
    }

    /// <summary>Green into the idle half, then the first step's weights.</summary>
    private async Task<WorkflowState> ShiftTwiceAsync(WorkflowState state)
    {
        var prepared = await _clock.ShiftAsync(cloud, state);
        var shifted = await _clock.ShiftAsync(cloud, state with { Traffic = prepared });
        return state with { Traffic = shifted };
    }

    private Task<RollbackOutcome> RollBackAsync(WorkflowState state) =>
        HandlerCalls.InvokeAsync(new RollBack(cloud.Services), state with { Failure = new StepFailure("AlarmFired", "alarm web-5xx in ALARM") }, FunctionJsonContext.Default.RollbackOutcome);
}
