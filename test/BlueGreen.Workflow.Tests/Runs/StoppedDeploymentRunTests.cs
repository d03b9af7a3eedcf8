using Xunit.Abstractions;
using System.Text.Json.Nodes;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Stop, time-out and abort are rollbacks: a deployment that ends ABORTED or TIMED_OUT is
/// cleaned up by the execution the status-change rule starts (the local cloud emits the event and
/// runs the rule), traffic first; then the next deployment goes ahead.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class StoppedDeploymentRunTests(WorkflowCloud cloud, ITestOutputHelper output)
{
    // The handlers' clock runs at the cloud's time scale: 86400 s is 864 s here, longer than any stop or timeout below.
    private const string LongCanary = """{ "type": "Canary", "percent": 10, "intervalSeconds": 86400 }""";

    [Fact]
    public async Task Stop_MidCanary_WeightsBackOnBlueGreenGoneLockFreeThenNextDeploymentSucceeds()
    {
        var sample = await cloud.SeedWeightedAsync(LongCanary);
        var start = cloud.Cloud.Calls.Writes().Count;

        var (stopped, stoppedAt) = await cloud.StartAndStopAsync(AmiEvents.Available(sample.NewImageId),
            _ => cloud.ListenerWrites(sample, start).Any(l => l.Spare == 10));
        var cleanup = await cloud.WaitForCleanupAsync(stopped);

        var outcome = cleanup.CleanupOutput();
        Assert.Equal("CleanedUp", outcome["outcome"]!.GetValue<string>());
        Assert.Equal(stopped, outcome["stoppedExecution"]!.GetValue<string>());
        Assert.Equal("ABORTED", outcome["status"]!.GetValue<string>());
        Assert.True(outcome["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, outcome["liveGroup"]!.GetValue<string>());
        Assert.Contains("stopped by a test", outcome["message"]!.GetValue<string>());
        Assert.Equal([("ShiftTrafficFunction", 90, 10), ("RollBackFunction", 100, 0)], cloud.ListenerWrites(sample, start));
        var restore = cloud.FirstTrafficRestore(start);
        Assert.Equal("ModifyListener", restore.Operation);
        await cloud.AssertGreenGoneAsync(sample);
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        Report("weighted, stopped at 90/10", restore.At - stoppedAt);

        // A second cleanup of the same execution (a repeated event) finds nothing left and writes nothing.
        var writes = cloud.Cloud.Calls.Writes().Count;
        var again = await cloud.RunAsync(StoppedRuns.StatusChange(stopped, "ABORTED"));
        Assert.Equal("NothingToCleanUp", again.CleanupOutput()["outcome"]!.GetValue<string>());
        Assert.Equal(writes, cloud.Cloud.Calls.Writes().Count);
        cloud.AssertEveryCallAllowedByItsPolicy();

        await cloud.AssertNextDeploymentSucceedsAsync(sample, SplitRuns.Settings(sample.BlueGroup, "weighted",
            $$"""{ "listenerArn": "{{sample.ListenerArn}}", "ruleArn": null, "targetGroupArns": ["{{sample.TargetGroupArn}}", "{{sample.SpareTargetGroupArn}}"] }""", SplitRuns.AllAtOnce));
    }

    [Fact]
    public async Task Stop_MidShiftSwap_BlueAttachedAgainFirstGreenGoneLockFreeThenNextDeploymentSucceeds()
    {
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => SwapSettings(blue, targetGroup, drainSeconds: 3600));
        var start = cloud.Cloud.Calls.Writes().Count;

        // Green attached, blue detached: blue's connections drain, green serves alone.
        var (stopped, stoppedAt) = await cloud.StartAndStopAsync(AmiEvents.Available(sample.NewImageId),
            writes => writes.Any(w => w.Operation == "DetachLoadBalancerTargetGroups" && w.Function == "ShiftTrafficFunction"));
        var cleanup = await cloud.WaitForCleanupAsync(stopped);

        Assert.Equal("CleanedUp", cleanup.CleanupOutput()["outcome"]!.GetValue<string>());
        var restore = cloud.FirstTrafficRestore(start);
        Assert.Equal("AttachLoadBalancerTargetGroups", restore.Operation);
        Assert.Contains(Uri.EscapeDataString(sample.BlueGroup), restore.Body);
        await cloud.AssertGreenGoneAsync(sample);
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        Report("swap, stopped while blue drained", restore.At - stoppedAt);

        await cloud.AssertNextDeploymentSucceedsAsync(sample, SwapSettings(sample.BlueGroup, sample.TargetGroupArn, drainSeconds: 1));
    }

    [Fact]
    public async Task Stop_WhileOldInstancesDrainInGroup_OldRegisteredAgainFirstOnlyOldLeftThenNextDeploymentSucceeds()
    {
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => InGroupSettings(blue, targetGroup, drainSeconds: 3600));
        var old = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]))[0].Instances.Select(i => i.InstanceId).Order().ToList();
        var start = cloud.Cloud.Calls.Writes().Count;

        var (stopped, stoppedAt) = await cloud.StartAndStopAsync(AmiEvents.Available(sample.NewImageId),
            writes => writes.Any(w => w.Operation == "DeregisterTargets" && w.Function == "ShiftTrafficFunction"));
        var cleanup = await cloud.WaitForCleanupAsync(stopped);

        Assert.Equal("CleanedUp", cleanup.CleanupOutput()["outcome"]!.GetValue<string>());
        var restore = cloud.FirstTrafficRestore(start);
        Assert.Equal("RegisterTargets", restore.Operation);
        var group = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]))[0];
        Assert.Equal(old, group.Instances.Select(i => i.InstanceId).Order());
        var serving = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn)).Where(t => t.State == "healthy").Select(t => t.TargetId).Order();
        Assert.Equal(old, serving);
        await cloud.AssertLockFreeAsync(sample.Application);
        Report("in-group, stopped while old instances drained", restore.At - stoppedAt);

        await cloud.AssertNextDeploymentSucceedsAsync(sample, InGroupSettings(sample.BlueGroup, sample.TargetGroupArn, drainSeconds: 1));
    }

    [Fact]
    public async Task TimedOut_MidCanary_WeightsBackOnBlueGreenGoneLockFreeThenNextDeploymentSucceeds()
    {
        var sample = await cloud.SeedWeightedAsync(LongCanary);
        var start = cloud.Cloud.Calls.Writes().Count;
        var machine = cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine);
        var definition = (await cloud.Aws.StepFunctions.DescribeStateMachineAsync(machine)).Definition;

        // moto honours a state machine's TimeoutSeconds, in real seconds (the time scale does not
        // shorten it). Only this execution gets one: the definition is put back once it has started.
        // (Text, not JsonNode: re-serialising would escape the quotes inside States.Format, which moto's parser reads raw.)
        var limited = definition.TrimEnd()[..^1] + ", \"TimeoutSeconds\": 15 }";
        await cloud.Aws.StepFunctions.UpdateStateMachineAsync(machine, limited);
        string timedOut;
        try
        {
            timedOut = await cloud.Cloud.StartExecutionAsync(machine, AmiEvents.Available(sample.NewImageId));
        }
        finally
        {
            await cloud.Aws.StepFunctions.UpdateStateMachineAsync(machine, definition);
        }

        var cleanup = await cloud.WaitForCleanupAsync(timedOut);

        var ended = await cloud.Aws.StepFunctions.DescribeExecutionAsync(timedOut);
        Assert.Equal(BlueGreen.Aws.StepFunctions.ExecutionStatus.TimedOut, ended.Status);
        var outcome = cleanup.CleanupOutput();
        Assert.Equal(("CleanedUp", "TIMED_OUT"), (outcome["outcome"]!.GetValue<string>(), outcome["status"]!.GetValue<string>()));
        Assert.Contains("timed out", outcome["message"]!.GetValue<string>());
        Assert.True(cloud.ListenerWrites(sample, start).Count > 0, "the deployment timed out before its first weight: make TimeoutSeconds longer on this machine");
        Assert.Equal([("ShiftTrafficFunction", 90, 10), ("RollBackFunction", 100, 0)], cloud.ListenerWrites(sample, start));
        await cloud.AssertGreenGoneAsync(sample);
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        // moto's DescribeExecution gives no stopDate for TIMED_OUT; the history's last event has the time.
        var timedOutAt = (await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(timedOut)).Single(e => e.Type == "ExecutionTimedOut").Timestamp!.Value;
        Report("weighted, timed out at 90/10", cloud.FirstTrafficRestore(start).At - timedOutAt);

        await cloud.AssertNextDeploymentSucceedsAsync(sample, SplitRuns.Settings(sample.BlueGroup, "weighted",
            $$"""{ "listenerArn": "{{sample.ListenerArn}}", "ruleArn": null, "targetGroupArns": ["{{sample.TargetGroupArn}}", "{{sample.SpareTargetGroupArn}}"] }""", SplitRuns.AllAtOnce));
    }

    private void Report(string what, TimeSpan stopToRestore)
    {
        var line = $"{what}: stop → first traffic-restoring write {stopToRestore.TotalMilliseconds:F0} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static string SwapSettings(string blue, string targetGroup, int drainSeconds) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
          "health": { "minHealthyPercent": 100, "timeoutSeconds": 120 },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": {{drainSeconds}} } }
        """;

    private static string InGroupSettings(string blue, string targetGroup, int drainSeconds) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "in-group", "targetGroupArns": ["{{targetGroup}}"],
          "health": { "timeoutSeconds": 120 },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": {{drainSeconds}} } }
        """;
}
