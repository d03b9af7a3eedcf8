using BlueGreen.Workflow.Tests.Support;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>The watch after full cutover: while blue waits to retire, a watched alarm in ALARM puts
/// traffic back on blue.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class AlarmGateRunTests(WorkflowCloud cloud, ITestOutputHelper output)
{
    [Fact]
    public async Task Execution_AlarmAfterFullCutover_TrafficBackOnBlueOneLiveFleetLockFree()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": 60, "alarmNames": ["{{alarm}}"] },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": {{cloud.RealSeconds(30)}}, "drainSeconds": 1 } }
            """);
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilEnteredAsync(arn, "WatchBeforeRetiringBlue");
        // Full cutover: blue is off the target group, waiting to retire.
        var blue = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        Assert.DoesNotContain(sample.TargetGroupArn, blue.TargetGroupArns);

        var firedAt = DateTimeOffset.UtcNow;
        await cloud.Aws.CloudWatch.SetAlarmStateAsync(alarm, Aws.CloudWatch.AlarmState.Alarm, "Threshold Crossed: 12 5xx (test)");

        var result = await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.Equal(("FAILED", "AlarmFired"), (result.Status, result.Error));
        var cause = result.ParsedCause();
        Assert.Contains("after full cutover, before blue was retired", cause["message"]!.GetValue<string>());
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var blueAfter = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        Assert.DoesNotContain(blueAfter.Tags, t => t.Key == "bluegreen:retired-by");
        var restoring = cloud.Cloud.Calls.Writes().First(w => w.At >= firedAt && w.Function == "RollBackFunction");
        Assert.Equal("AttachLoadBalancerTargetGroups", restoring.Operation);
        Assert.Contains(sample.BlueGroup, Uri.UnescapeDataString(restoring.Body));
        var reaction = restoring.At - firedAt;
        output.WriteLine($"alarm set → first traffic-restoring write ({restoring.Operation} by {restoring.Function}): {reaction.TotalMilliseconds:F0} ms");
        Assert.True(reaction < TimeSpan.FromSeconds(10), $"took {reaction}");
    }

    [Fact]
    public async Task Execution_WeightedAlarmAfterFullCutover_ListenerBackOnBlueWithRollbacksFirstWrite()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var sample = await cloud.SeedWeightedAsync(SplitRuns.Canary, alarm, blueWaitSeconds: cloud.RealSeconds(30));
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilEnteredAsync(arn, "WatchBeforeRetiringBlue");
        Assert.Equal(new (string?, int, int)[] { ("ShiftTrafficFunction", 90, 10), ("ShiftTrafficFunction", 0, 100) }, cloud.ListenerWrites(sample));

        var firedAt = DateTimeOffset.UtcNow;
        await cloud.Aws.CloudWatch.SetAlarmStateAsync(alarm, Aws.CloudWatch.AlarmState.Alarm, "Threshold Crossed: 12 5xx (test)");

        var result = await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.Equal(("FAILED", "AlarmFired"), (result.Status, result.Error));
        Assert.True(result.ParsedCause()["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var restoring = cloud.Cloud.Calls.Writes().First(w => w.At >= firedAt && w.Function == "RollBackFunction");
        Assert.Equal("ModifyListener", restoring.Operation);
        Assert.Equal(((string?)"RollBackFunction", 100, 0), cloud.ListenerWrites(sample)[^1]);
        output.WriteLine($"alarm set → listener back on blue: {(restoring.At - firedAt).TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Execution_NoWaitNoAlarms_WatchesOnceThenRetiresBlue()
    {
        var sample = await cloud.SeedSampleAsync();
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));

        var result = await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.Equal(1, await cloud.EnteredCountAsync(arn, "WatchBeforeRetiringBlue"));
        Assert.Equal(0, await cloud.EnteredCountAsync(arn, "WaitBeforeRetiringBlue"));
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
    }

    [Fact]
    public async Task Execution_QuietWindow_WaitsTheWindowThenRetiresBlue()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": 60, "alarmNames": ["{{alarm}}"] },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": {{cloud.RealSeconds(2)}}, "drainSeconds": 1 } }
            """);
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));

        var result = await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var history = await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(arn);
        var promoted = history.First(e => e.StateName == "PromoteGreen" && e.Type.EndsWith("StateExited", StringComparison.Ordinal)).Timestamp!.Value;
        var retiring = history.First(e => e.StateName == "RetireBlue" && e.Type.EndsWith("StateEntered", StringComparison.Ordinal)).Timestamp!.Value;
        Assert.True(retiring - promoted >= TimeSpan.FromSeconds(1.9), $"blue retired {retiring - promoted} after promotion");
        Assert.True(await cloud.EnteredCountAsync(arn, "WaitBeforeRetiringBlue") >= 1);
    }
}
