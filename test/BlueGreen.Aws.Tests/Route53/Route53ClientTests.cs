using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Route53;

[Collection(MotoCollection.Name)]
public sealed class Route53ClientTests(MotoFixture moto)
{
    private const string AlbZone = "Z35SXDOTRQ7X7K";

    private readonly IRoute53 _route53 = moto.Clients.Route53;

    [Fact]
    public async Task ChangeResourceRecordSets_WeightedAliasPair_IsListedWithWeightsAndTargets()
    {
        // Arrange
        var (zoneId, domain) = await CreateZoneAsync();
        var name = $"shop.{domain}.";

        // Act
        var change = await _route53.ChangeResourceRecordSetsAsync(zoneId, [
            new(RecordChangeAction.Create, Weighted(name, "a", 100, "blue-alb.us-east-1.elb.amazonaws.com.")),
            new(RecordChangeAction.Create, Weighted(name, "b", 0, "green-alb.us-east-1.elb.amazonaws.com.")),
        ], "first cut-over step");
        var records = await _route53.ListResourceRecordSetsAsync(zoneId, name);

        // Assert
        Assert.False(string.IsNullOrEmpty(change.Id));
        Assert.DoesNotContain("/", change.Id);
        Assert.Equal(2, records.Count);
        var blue = Assert.Single(records, r => r.SetIdentifier == "a");
        Assert.Equal(("A", 100L), (blue.Type, blue.Weight));
        Assert.Equal(AlbZone, blue.Alias?.HostedZoneId);
        Assert.Equal("blue-alb.us-east-1.elb.amazonaws.com.", blue.Alias?.DnsName);
        Assert.True(blue.Alias?.EvaluateTargetHealth);
        Assert.Equal(0L, Assert.Single(records, r => r.SetIdentifier == "b").Weight);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_UpsertShiftsWeights_ListShowsNewWeights()
    {
        // Arrange
        var (zoneId, domain) = await CreateZoneAsync();
        var name = $"shop.{domain}.";
        await _route53.ChangeResourceRecordSetsAsync(zoneId, [
            new(RecordChangeAction.Create, Weighted(name, "a", 100, "blue.example.")),
            new(RecordChangeAction.Create, Weighted(name, "b", 0, "green.example.")),
        ]);

        // Act
        await _route53.ChangeResourceRecordSetsAsync(zoneId, [
            new(RecordChangeAction.Upsert, Weighted(name, "a", 75, "blue.example.")),
            new(RecordChangeAction.Upsert, Weighted(name, "b", 25, "green.example.")),
        ]);

        // Assert
        var weights = (await _route53.ListResourceRecordSetsAsync(zoneId, name)).ToDictionary(r => r.SetIdentifier!, r => r.Weight);
        Assert.Equal(new Dictionary<string, long?> { ["a"] = 75, ["b"] = 25 }, weights);
    }

    [Fact]
    public async Task ListResourceRecordSets_MoreThanOnePage_ReturnsEveryRecord()
    {
        // Arrange: Route 53 pages hold 300 records.
        var (zoneId, domain) = await CreateZoneAsync();
        var changes = Enumerable.Range(0, 320)
            .Select(i => new RecordChange(RecordChangeAction.Create, new RecordSet($"host{i:D3}.{domain}.", "A", Ttl: 60, Values: ["10.0.0.1"])))
            .ToList();
        await _route53.ChangeResourceRecordSetsAsync(zoneId, changes);

        // Act
        var records = await _route53.ListResourceRecordSetsAsync(zoneId);

        // Assert: the 320 hosts plus the zone's SOA and NS.
        Assert.Equal(322, records.Count);
        Assert.Equal(322, records.Select(r => (r.Name, r.Type)).Distinct().Count());
        Assert.Equal(["10.0.0.1"], records.First(r => r.Name.StartsWith("host319", StringComparison.Ordinal)).Values);
    }

    [Fact]
    public async Task GetChange_AfterChange_ReturnsItsStatus()
    {
        // Arrange
        var (zoneId, domain) = await CreateZoneAsync();
        var change = await _route53.ChangeResourceRecordSetsAsync(zoneId, [
            new(RecordChangeAction.Create, new RecordSet($"www.{domain}.", "CNAME", Ttl: 300, Values: ["shop.example.com"])),
        ]);

        // Act
        var status = await _route53.GetChangeAsync($"/change/{change.Id}");

        // Assert
        Assert.Equal(change.Id, status.Id);
        Assert.Contains(status.Status, new[] { "PENDING", "INSYNC" });
    }

    [Fact]
    public async Task ChangeResourceRecordSets_CreateExistingRecord_ThrowsValidation()
    {
        // Arrange
        var (zoneId, domain) = await CreateZoneAsync();
        var record = new RecordSet($"api.{domain}.", "A", Ttl: 60, Values: ["10.0.0.2"]);
        await _route53.ChangeResourceRecordSetsAsync(zoneId, [new(RecordChangeAction.Create, record)]);

        // Act
        var error = await Assert.ThrowsAsync<AwsValidationException>(() =>
            _route53.ChangeResourceRecordSetsAsync(zoneId, [new(RecordChangeAction.Create, record)]));

        // Assert
        Assert.Equal(("ChangeResourceRecordSets", "InvalidChangeBatch"), (error.Operation, error.Code));
    }

    [Fact]
    public async Task ListResourceRecordSets_MissingZone_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => _route53.ListResourceRecordSetsAsync("/hostedzone/ZMISSING"));

        // Assert
        Assert.Equal(("Route53", "ListResourceRecordSets", "NoSuchHostedZone"), (error.Service, error.Operation, error.Code));
        Assert.Equal(404, (int)error.StatusCode);
    }

    private static RecordSet Weighted(string name, string setIdentifier, long weight, string albDnsName) =>
        new(name, "A", setIdentifier, weight, Alias: new AliasTarget(AlbZone, albDnsName, EvaluateTargetHealth: true));

    private async Task<(string ZoneId, string Domain)> CreateZoneAsync()
    {
        var domain = $"{Unique.Name("zone")}.example.com";
        return (await moto.Clients.Route53.CreateHostedZoneAsync(domain, Guid.NewGuid().ToString()), domain);
    }
}
