using BlueGreen.Aws.Route53;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Functions.Strategies;
using BlueGreen.Local.Sample;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Strategies.Dns;

/// <summary>ShiftTraffic with the dns strategy against moto: color a (the sample's ALB, blue) at
/// weight 100, color b (a second ALB in front of the spare target group) idle at 0.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class DnsStrategyTests(FunctionsCloud cloud)
{
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Fact]
    public async Task DescribeLive_WeightedRecords_IdleColorAndItsTargetGroup()
    {
        var (dns, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: 30);

        Assert.Equal(
            new TrafficPath(dns.Sample.TargetGroupArn, dns.Sample.SpareTargetGroupArn, DnsSample.LiveColor, DnsSample.IdleColor),
            state.Live!.TrafficPath);
    }

    [Fact]
    public async Task HandleAsync_LinearCnameCalledUntilDone_OneChangePerStepThenTtlAndDrain()
    {
        var (dns, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: 30);
        var writesBefore = cloud.Cloud.Calls.Writes().Count;
        var seen = new List<(string Phase, long Blue, long Green, int Wait)>();

        while (state.Traffic is not { Done: true } && seen.Count < 40)
        {
            var traffic = await ShiftAsync(state);
            var (blue, green) = await WeightsFleets.RecordWeightsAsync(cloud, dns);
            seen.Add((traffic.Phase, blue, green, traffic.WaitSeconds));
            state = state with { Traffic = traffic };
            _clock.Advance(TimeSpan.FromSeconds(Math.Max(1, traffic.WaitSeconds)));
        }

        var changes = cloud.Cloud.Calls.Writes().Skip(writesBefore).Where(w => w.Operation == "ChangeResourceRecordSets").ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(2, c.Body.Split("<Action>UPSERT</Action>").Length - 1));
        Assert.Equal([(50L, 50L), (0L, 100L)], seen.Select(s => (s.Blue, s.Green)).Where(w => w.Item2 > 0).Distinct());
        Assert.Contains(seen, s => s.Phase == TrafficPhase.AwaitInSync);
        // 30 s TTL + 10 s drain, in waits of at most 10 s.
        Assert.Equal(4, seen.Count(s => s.Phase == TrafficPhase.Draining));
        Assert.Equal(TrafficPhase.Done, seen[^1].Phase);
        var records = await cloud.Aws.Route53.ListResourceRecordSetsAsync(dns.HostedZoneId, dns.RecordName);
        Assert.All(records, r => Assert.Equal(("CNAME", 30L), (r.Type, r.Ttl)));
    }

    [Fact]
    public async Task HandleAsync_AliasRecordsAtFullCutover_DrainsTheAliasTtlOfSixtySecondsPlusDrain()
    {
        var (dns, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: null, WeightsFleets.AllAtOnce);
        var prepared = await ShiftAsync(state);
        var syncing = await ShiftAsync(state with { Traffic = prepared });
        var baking = await ShiftAsync(state with { Traffic = syncing });
        var draining = await ShiftAsync(state with { Traffic = baking });

        _clock.Advance(TimeSpan.FromSeconds(69));
        var stillDraining = await ShiftAsync(state with { Traffic = draining });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var done = await ShiftAsync(state with { Traffic = stillDraining });

        Assert.Equal(
            [TrafficPhase.AwaitGreenTargets, TrafficPhase.AwaitInSync, TrafficPhase.Bake, TrafficPhase.Draining, TrafficPhase.Draining, TrafficPhase.Done],
            new[] { prepared, syncing, baking, draining, stillDraining, done }.Select(t => t.Phase));
        Assert.Equal((0L, 100L), await WeightsFleets.RecordWeightsAsync(cloud, dns));
        var records = await cloud.Aws.Route53.ListResourceRecordSetsAsync(dns.HostedZoneId, dns.RecordName);
        Assert.All(records, r => Assert.NotNull(r.Alias));
    }

    [Fact]
    public async Task HandleAsync_EachPhaseRunTwice_SecondRunWritesNothing()
    {
        var (dns, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: 5, WeightsFleets.AllAtOnce);

        var prepared = await TwiceAsync(state);
        var shifted = await ShiftAsync(state with { Traffic = prepared });
        var synced = await TwiceAsync(state with { Traffic = shifted });
        var baked = await TwiceAsync(state with { Traffic = synced });

        Assert.Equal(
            [TrafficPhase.AwaitGreenTargets, TrafficPhase.AwaitInSync, TrafficPhase.Bake, TrafficPhase.Draining],
            new[] { prepared, shifted, synced, baked }.Select(t => t.Phase));
        Assert.Equal((0L, 100L), await WeightsFleets.RecordWeightsAsync(cloud, dns));
    }

    [Fact]
    public async Task DescribeLive_AnotherWeightedRecordOfTheName_InvalidRequestNamesIt()
    {
        var (dns, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: 30);
        await cloud.Aws.Route53.ChangeResourceRecordSetsAsync(dns.HostedZoneId,
            [new RecordChange(RecordChangeAction.Create, new RecordSet(dns.RecordName, "CNAME", "legacy", 5, 30, ["legacy.example.com"]))]);

        var error = await Assert.ThrowsAsync<InvalidRequest>(() =>
            HandlerCalls.InvokeAsync(new DescribeLive(cloud.Services), state, FunctionJsonContext.Default.LiveFleet));

        Assert.Contains("CNAME legacy (weight 5)", error.Message);
        Assert.Equal("$.dns.colors", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task DescribeLive_HostedZoneMissing_InvalidRequestNamesTheSetting()
    {
        var (_, state) = await WeightsFleets.DnsAsync(cloud, cnameTtlSeconds: 30);
        state = state.WithSettings(s => s with { Dns = s.Dns! with { HostedZoneId = "ZGONE0000000" } });

        var error = await Assert.ThrowsAsync<InvalidRequest>(() =>
            HandlerCalls.InvokeAsync(new DescribeLive(cloud.Services), state, FunctionJsonContext.Default.LiveFleet));

        Assert.Equal("$.dns.hostedZoneId", Assert.Single(error.Problems).Path);
    }

    private Task<TrafficShift> ShiftAsync(WorkflowState state) => _clock.ShiftAsync(cloud, state);

    private Task<TrafficShift> TwiceAsync(WorkflowState state) => _clock.ShiftTwiceAsync(cloud, state);
}
