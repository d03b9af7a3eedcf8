using System.Text.Json.Nodes;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.CloudWatch;

/// <summary>Our CloudWatch parser against Query XML generated from botocore's output shape. The
/// model lists CBOR first and Query too; our client speaks Query, so the documents are Query.</summary>
public sealed class CloudWatchResponseTests
{
    [Fact]
    public async Task DescribeAlarms_MetricAndCompositeAlarmsOnTwoPages_ReadsBothKindsAndFollowsNextToken()
    {
        var pages = await WireDocuments.GenerateAsync(
            new WireAsk("cloudwatch", "DescribeAlarms", Protocol: "query", Set: State("ALARM")),
            new WireAsk("cloudwatch", "DescribeAlarms", LastPage: true, Protocol: "query"));
        var (clients, requests) = WireDocuments.Answering(pages);
        using var _ = clients;

        var alarms = await clients.CloudWatch.DescribeAlarmsAsync(["shop-5xx"]);

        Assert.Equal(8, alarms.Count);
        Assert.Contains($"NextToken={Uri.EscapeDataString(pages[0].Text("NextToken"))}", requests.Requests[1].Body);
        var doc = pages[0];
        Assert.Equal(
            new Alarm(doc.Text("MetricAlarms.0.AlarmName"), doc.Text("MetricAlarms.0.AlarmArn"), AlarmState.Alarm, doc.Text("MetricAlarms.0.StateReason"),
                doc.Time("MetricAlarms.0.StateUpdatedTimestamp"), doc.Text("MetricAlarms.0.MetricName"), doc.Text("MetricAlarms.0.Namespace")),
            alarms[0]);
        var composite = alarms[2];
        Assert.Equal((doc.Text("CompositeAlarms.0.AlarmName"), doc.Text("CompositeAlarms.0.AlarmArn"), doc.Time("CompositeAlarms.0.StateUpdatedTimestamp")),
            (composite.Name, composite.Arn, composite.StateUpdatedAt));
    }

    [Fact]
    public async Task DescribeAlarms_OnlyNameAndState_ReadsNullsForTheRest()
    {
        var (clients, _) = WireDocuments.Answering(await WireDocuments.GenerateAsync(
            WireAsk.Sparse("cloudwatch", "DescribeAlarms", "MetricAlarms", "AlarmName", "StateValue") with { Protocol = "query", Set = State("OK") }));
        using var _ = clients;

        var alarm = (await clients.CloudWatch.DescribeAlarmsAsync(["shop-5xx"]))[0];

        Assert.Equal((AlarmState.Ok, null, null, null, null, null), (alarm.State, alarm.Arn, alarm.StateReason, alarm.StateUpdatedAt, alarm.MetricName, alarm.MetricNamespace));
    }

    [Fact]
    public async Task DescribeAlarms_NoAlarmLists_ReadsNone()
    {
        var (clients, _) = WireDocuments.Answering(await WireDocuments.GenerateAsync(WireAsk.Sparse("cloudwatch", "DescribeAlarms") with { Protocol = "query" }));
        using var _ = clients;

        Assert.Empty(await clients.CloudWatch.DescribeAlarmsAsync(["shop-5xx"]));
    }

    private static Dictionary<string, JsonNode?> State(string state) => new() { ["MetricAlarms.0.StateValue"] = state };
}
