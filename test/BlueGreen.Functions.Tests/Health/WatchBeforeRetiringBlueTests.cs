using BlueGreen.Aws.CloudWatch;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Health;

[Collection(FunctionsCloudCollection.Name)]
public sealed class WatchBeforeRetiringBlueTests(FunctionsCloud cloud)
{
    private readonly LockStates _states = new(cloud);
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Fact]
    public async Task HandleAsync_NoWaitNoAlarms_DoneAtOnceWithoutAnyCall()
    {
        var state = await PromotedAsync(waitSeconds: 0, alarm: null);
        var before = cloud.Cloud.Calls.Snapshot();

        var watch = await WatchAsync(state);

        Assert.True(watch.Done);
        Assert.Equal(0, watch.WaitSeconds);
        Assert.Equal(before.Total, cloud.Cloud.Calls.Snapshot().Total);
    }

    [Fact]
    public async Task HandleAsync_WindowOpen_WaitsTenSecondsAtMostUntilItCloses()
    {
        var state = await PromotedAsync(waitSeconds: 25, alarm: null);

        var first = await WatchAsync(state);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var second = await WatchAsync(state);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var last = await WatchAsync(state);

        Assert.Equal((false, 10), (first.Done, first.WaitSeconds));
        Assert.Equal((false, 5), (second.Done, second.WaitSeconds));
        Assert.True(last.Done);
        Assert.Equal(state.Promoted!.PromotedAt.AddSeconds(25), last.Until);
    }

    [Fact]
    public async Task HandleAsync_AlarmInAlarm_FailsAlarmFiredSayingBlueWasStillThere()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, AlarmState.Alarm);
        var state = await PromotedAsync(waitSeconds: 60, alarm);

        var error = await Assert.ThrowsAsync<AlarmFired>(() => WatchAsync(state));

        Assert.Contains(alarm, error.Message);
        Assert.Contains("after full cutover, before blue was retired", error.Message);
    }

    [Fact]
    public async Task HandleAsync_AlarmOk_KeepsWatching()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, AlarmState.Ok);
        var state = await PromotedAsync(waitSeconds: 60, alarm);

        var watch = await WatchAsync(state);

        Assert.False(watch.Done);
        Assert.Contains("no alarm", watch.Detail);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(20_000, 10)]
    [InlineData(604_800, 303)]
    public void Interval_Window_ChecksEveryTenSecondsUnlessTheHistoryWouldOverflow(int windowSeconds, int expected)
    {
        var interval = BlueWindowWatch.Interval(windowSeconds);

        Assert.Equal(expected, interval);
        Assert.True(windowSeconds / interval <= BlueWindowWatch.MaxChecks);
    }

    private async Task<BlueWatch> WatchAsync(WorkflowState state) =>
        await HandlerCalls.InvokeAsync(new WatchBeforeRetiringBlue(_clock.Services(cloud)), state, FunctionJsonContext.Default.BlueWatch);

    /// <summary>A deployment promoted just now (by the test's clock) with these settings.</summary>
    private async Task<WorkflowState> PromotedAsync(int waitSeconds, string? alarm)
    {
        var state = await _states.NewApplicationAsync(LockStates.UnstartedExecutionArn());
        var application = state.Deployment.Application;
        await cloud.PutSettingsAsync(application, $$"""
            { "liveGroup": "{{application}}-blue", "strategy": "swap",
              "targetGroupArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{{application}}/0123456789abcdef"],
              "health": { "alarmNames": [{{(alarm is null ? "" : $"\"{alarm}\"")}}] },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": {{waitSeconds}} } }
            """);
        state = await _states.NormalizedAsync(application, state.Deployment.ImageId, state.Deployment.ExecutionArn);
        return state with { Promoted = new Promoted(state.Deployment.Names.GreenGroup, $"{application}-blue", "bluegreen:color", _clock.GetUtcNow()) };
    }
}
