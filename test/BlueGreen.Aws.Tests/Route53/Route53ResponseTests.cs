using System.Text.Json.Nodes;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Route53;

/// <summary>Our Route 53 parsers against REST-XML generated from botocore's output shapes: the
/// 2013-04-01 namespace, list items named by the model (ResourceRecordSet, ResourceRecord), and
/// the NextRecord* tokens of a truncated page.</summary>
public sealed class Route53ResponseTests
{
    [Fact]
    public async Task ListResourceRecordSets_TruncatedThenLastPage_FollowsTheNextRecordTokens()
    {
        var pages = await WireDocuments.GenerateAsync(
            new WireAsk("route53", "ListResourceRecordSets", Set: new Dictionary<string, JsonNode?> { ["IsTruncated"] = true, ["ResourceRecordSets.0.Type"] = "A" }),
            WireAsk.Sparse("route53", "ListResourceRecordSets"));
        var (clients, requests) = WireDocuments.Answering(pages);
        using var _ = clients;

        var records = await clients.Route53.ListResourceRecordSetsAsync("/hostedzone/Z1");

        Assert.Equal(4, records.Count);
        var next = requests.Requests[1].Message.RequestUri!.Query;
        Assert.Contains($"name={pages[0].Text("NextRecordName")}", next);
        Assert.Contains($"type={pages[0].Text("NextRecordType")}", next);
        Assert.Contains($"identifier={pages[0].Text("NextRecordIdentifier")}", next);
        var doc = pages[0];
        const string r = "ResourceRecordSets.0";
        Assert.Equal((doc.Text($"{r}.Name"), "A", doc.Text($"{r}.SetIdentifier"), (long?)doc[$"{r}.Weight"], (long?)doc[$"{r}.TTL"]),
            (records[0].Name, records[0].Type, records[0].SetIdentifier, records[0].Weight, records[0].Ttl));
        Assert.Equal([doc.Text($"{r}.ResourceRecords.0.Value"), doc.Text($"{r}.ResourceRecords.1.Value")], records[0].Values);
        Assert.Equal(new AliasTarget(doc.Text($"{r}.AliasTarget.HostedZoneId"), doc.Text($"{r}.AliasTarget.DNSName"), true), records[0].Alias);
        var sparse = records[2];
        Assert.Equal((null, null, null, null, null), (sparse.SetIdentifier, sparse.Weight, sparse.Ttl, sparse.Values, sparse.Alias));
    }

    [Fact]
    public async Task ChangeAndGetChange_EveryMemberOrRequiredOnly_ReadTheChangeInfo()
    {
        var documents = await WireDocuments.GenerateAsync(
            new WireAsk("route53", "ChangeResourceRecordSets", Set: new Dictionary<string, JsonNode?> { ["ChangeInfo.Id"] = "/change/C1" }),
            new WireAsk("route53", "GetChange", Set: new Dictionary<string, JsonNode?> { ["ChangeInfo.Status"] = "INSYNC" }),
            WireAsk.Sparse("route53", "GetChange"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var changed = await clients.Route53.ChangeResourceRecordSetsAsync("Z1", [new RecordChange(RecordChangeAction.Upsert, new RecordSet("shop.example.com.", "A", Ttl: 60, Values: ["10.0.0.1"]))]);
        var full = await clients.Route53.GetChangeAsync("C1");
        var sparse = await clients.Route53.GetChangeAsync("C1");

        Assert.Equal(new ChangeInfo("C1", documents[0].Text("ChangeInfo.Status"), documents[0].Time("ChangeInfo.SubmittedAt")), changed);
        Assert.Equal(new ChangeInfo(documents[1].Text("ChangeInfo.Id"), "INSYNC", documents[1].Time("ChangeInfo.SubmittedAt")), full);
        Assert.Equal(documents[2].Time("ChangeInfo.SubmittedAt"), sparse.SubmittedAt);
    }
}
