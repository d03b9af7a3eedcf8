using System.Text.Json.Nodes;
using BlueGreen.Workflow.Tests.Definition;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Whole deployments with the weighted strategy: the real ASL in moto, the sample's listener
/// forwarding to its target group (blue) and the spare one (idle, green's).</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class WeightedDeploymentRunTests(WorkflowCloud cloud)
{
    [Theory]
    [MemberData(nameof(SplitRuns.Plans), MemberType = typeof(SplitRuns))]
    public async Task Execution_Weighted_GreenWeightsFollowThePlanThenGreenLiveBlueRetired(string traffic, int[] greenWeights)
    {
        var sample = await cloud.SeedWeightedAsync(traffic);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var writes = cloud.ListenerWrites(sample);
        Assert.All(writes, w => Assert.Equal("ShiftTrafficFunction", w.Function));
        Assert.Equal(greenWeights.Select(g => (100 - g, g)), writes.Select(w => (w.Live, w.Spare)));
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal(sample.BlueGroup, output["retiredGroup"]!.GetValue<string>());
        Assert.Equal(output["liveGroup"]!.GetValue<string>(), await cloud.AssertLiveOnAsync(sample.Application, sample.SpareTargetGroupArn));
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
    }

    [Fact]
    public async Task Execution_SecondDeployment_PingPongsBackToTheFirstTargetGroup()
    {
        var sample = await cloud.SeedWeightedAsync(SplitRuns.AllAtOnce);
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync(AmiEvents.Available(sample.NewImageId))).Status);
        var next = await cloud.CreateImageAsync(tagged: sample.Application);
        var before = cloud.Cloud.Calls.Writes().Count;

        var result = await cloud.RunAsync(AmiEvents.Available(next));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.Equal([(100, 0)], cloud.ListenerWrites(sample, before).Select(w => (w.Live, w.Spare)));
        await cloud.AssertLiveOnAsync(sample.Application, sample.TargetGroupArn);
    }

    [Fact]
    public async Task Execution_AlarmFiresMidCanary_FirstRollbackWriteIsTheListenerBackToBlue()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var sample = await cloud.SeedWeightedAsync(SplitRuns.WatchedCanary, alarm);
        var start = cloud.Cloud.Calls.Writes().Count;

        var (result, firedAt) = await cloud.RunFiringAlarmAsync(AmiEvents.Available(sample.NewImageId), alarm,
            () => cloud.ListenerWrites(sample, start).Any(l => l.Spare == 10));

        Assert.Equal(("FAILED", "AlarmFired"), (result.Status, result.Error));
        Assert.True(result.ParsedCause()["rolledBack"]!.GetValue<bool>());
        Assert.Equal([("ShiftTrafficFunction", 90, 10), ("RollBackFunction", 100, 0)], cloud.ListenerWrites(sample, start));
        var rollbackWrites = cloud.Cloud.Calls.Writes().Skip(start).Where(w => w.Function == "RollBackFunction").ToList();
        Assert.Equal("ModifyListener", rollbackWrites[0].Operation);
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        Console.WriteLine($"weighted: alarm set → weights back on blue in {(rollbackWrites[0].At - firedAt).TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Policies_WeightedAndDnsRunsWithRollback_EveryCallIsAllowedByItsFunctionsPolicy()
    {
        cloud.Cloud.Calls.Reset();
        var weighted = await cloud.SeedWeightedAsync(SplitRuns.AllAtOnce);
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync(AmiEvents.Available(weighted.NewImageId))).Status);
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync($$"""{ "application": "{{weighted.Application}}", "imageId": "{{weighted.NewImageId}}", "dryRun": true }""")).Status);
        var dns = await cloud.SeedDnsAsync(SplitRuns.AllAtOnce);
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync(AmiEvents.Available(dns.Sample.NewImageId))).Status);
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var failing = await cloud.SeedDnsAsync(SplitRuns.WatchedCanary, alarm);
        var start = cloud.Cloud.Calls.Writes().Count;
        var (result, _) = await cloud.RunFiringAlarmAsync(AmiEvents.Available(failing.Sample.NewImageId), alarm, () => cloud.RecordWrites(failing, start).Any(r => r.B == 10));
        Assert.Equal("AlarmFired", result.Error);

        cloud.AssertEveryCallAllowedByItsPolicy();
        Assert.Contains("route53:ChangeResourceRecordSets", cloud.Cloud.Calls.CallsByFunction()["RollBackFunction"].Select(c => $"{c.Service}:{c.Operation}"));
    }
}
