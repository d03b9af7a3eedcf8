using System.Text.Json.Nodes;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Whole deployments with the dns strategy: the real ASL in moto, color a (the sample's ALB,
/// blue) and color b (a second ALB in front of the spare target group, idle) as weighted CNAMEs.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class DnsDeploymentRunTests(WorkflowCloud cloud)
{
    [Theory]
    [MemberData(nameof(SplitRuns.Plans), MemberType = typeof(SplitRuns))]
    public async Task Execution_Dns_RecordWeightsFollowThePlanThenGreenLiveBlueRetired(string traffic, int[] greenWeights)
    {
        var dns = await cloud.SeedDnsAsync(traffic);
        var start = cloud.Cloud.Calls.Writes().Count;

        var result = await cloud.RunAsync(AmiEvents.Available(dns.Sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var writes = cloud.RecordWrites(dns, start);
        Assert.All(writes, w => Assert.Equal("ShiftTrafficFunction", w.Function));
        Assert.Equal(greenWeights.Select(g => (100 - g, g)), writes.Select(w => (w.A, w.B)));
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal(dns.Sample.BlueGroup, output["retiredGroup"]!.GetValue<string>());
        Assert.Equal(output["liveGroup"]!.GetValue<string>(), await cloud.AssertLiveOnAsync(dns.Sample.Application, dns.Sample.SpareTargetGroupArn));
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([dns.Sample.BlueGroup]));
        var records = await cloud.Aws.Route53.ListResourceRecordSetsAsync(dns.HostedZoneId, dns.RecordName);
        Assert.Equal([("CNAME", 1L, 0L), ("CNAME", 1L, 100L)], records.OrderBy(r => r.SetIdentifier).Select(r => (r.Type, r.Ttl!.Value, r.Weight!.Value)));
    }

    [Fact]
    public async Task Execution_AlarmFiresMidCanary_FirstRollbackWriteIsOneRecordChangeBackToBlue()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var dns = await cloud.SeedDnsAsync(SplitRuns.WatchedCanary, alarm);
        var start = cloud.Cloud.Calls.Writes().Count;

        var (result, firedAt) = await cloud.RunFiringAlarmAsync(AmiEvents.Available(dns.Sample.NewImageId), alarm,
            () => cloud.RecordWrites(dns, start).Any(r => r.B == 10));

        Assert.Equal(("FAILED", "AlarmFired"), (result.Status, result.Error));
        Assert.True(result.ParsedCause()["rolledBack"]!.GetValue<bool>());
        Assert.Equal([("ShiftTrafficFunction", 90, 10), ("RollBackFunction", 100, 0)], cloud.RecordWrites(dns, start));
        var rollbackWrites = cloud.Cloud.Calls.Writes().Skip(start).Where(w => w.Function == "RollBackFunction").ToList();
        Assert.Equal("ChangeResourceRecordSets", rollbackWrites[0].Operation);
        Assert.Equal(dns.Sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(dns.Sample));
        var weights = (await cloud.Aws.Route53.ListResourceRecordSetsAsync(dns.HostedZoneId, dns.RecordName)).ToDictionary(r => r.SetIdentifier!, r => r.Weight);
        Assert.Equal(new Dictionary<string, long?> { [DnsSample.LiveColor] = 100, [DnsSample.IdleColor] = 0 }, weights);
        Console.WriteLine($"dns: alarm set → records back on blue in {(rollbackWrites[0].At - firedAt).TotalMilliseconds:F0} ms");
    }
}
