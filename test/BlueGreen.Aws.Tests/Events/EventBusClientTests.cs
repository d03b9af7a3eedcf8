using System.Text.Json.Nodes;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Events;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Events;

[Collection(MotoCollection.Name)]
public sealed class EventBusClientTests(MotoFixture moto)
{
    private const string SqsVersion = "2012-11-05";

    private readonly IEventBus _events = moto.Clients.Events;

    [Fact]
    public async Task PutEvents_RuleWithQueueTarget_QueueReceivesTheEvent()
    {
        // Arrange
        var source = Unique.Name("test.source");
        var queueUrl = await RuleToQueueAsync(source);
        var time = new DateTimeOffset(2026, 12, 2, 3, 4, 5, TimeSpan.Zero);

        // Act
        var result = await _events.PutEventsAsync(
            [new BusEvent(source, "Thing Happened", """{"state":{"status":"AVAILABLE"}}""", ["arn:aws:test:us-east-1:123456789012:thing/1"], Time: time)]);

        // Assert
        Assert.Equal(0, result.FailedEntryCount);
        var entry = Assert.Single(result.Entries);
        Assert.True(entry.Succeeded);
        var delivered = Assert.Single(await ReceiveAsync(queueUrl));
        Assert.Equal(entry.EventId, delivered["id"]!.GetValue<string>());
        Assert.Equal((source, "Thing Happened"), (delivered["source"]!.GetValue<string>(), delivered["detail-type"]!.GetValue<string>()));
        Assert.Equal(["arn:aws:test:us-east-1:123456789012:thing/1"], delivered["resources"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("AVAILABLE", delivered["detail"]!["state"]!["status"]!.GetValue<string>());
        Assert.Equal(time, DateTimeOffset.Parse(delivered["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PutEvents_BadEntries_ReportedPerEntryInOrder()
    {
        // Arrange
        var source = Unique.Name("test.source");
        var queueUrl = await RuleToQueueAsync(source);

        // Act
        var result = await _events.PutEventsAsync(
        [
            new BusEvent(source, "Good", """{"n":1}"""),
            new BusEvent(source, "Malformed", "{not json"),
            new BusEvent("", "No source", """{"n":3}"""),
        ]);

        // Assert
        Assert.Equal(2, result.FailedEntryCount);
        Assert.Equal([true, false, false], result.Entries.Select(e => e.Succeeded));
        Assert.NotNull(result.Entries[0].EventId);
        Assert.Equal(("MalformedDetail", "Detail is malformed."), (result.Entries[1].ErrorCode, result.Entries[1].ErrorMessage));
        Assert.Equal("InvalidArgument", result.Entries[2].ErrorCode);
        Assert.Contains("Source", result.Entries[2].ErrorMessage);
        Assert.Equal("Good", Assert.Single(await ReceiveAsync(queueUrl))["detail-type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutEvents_MoreThanTheServiceTakesPerCall_SentInBatches()
    {
        // Arrange: PutEvents refuses more than 10 entries in one call.
        var source = Unique.Name("test.source");
        var events = Enumerable.Range(0, 23).Select(i => new BusEvent(source, "Numbered", $$"""{"n":{{i}}}""")).ToList();

        // Act
        var result = await _events.PutEventsAsync(events);

        // Assert
        Assert.Equal(0, result.FailedEntryCount);
        Assert.Equal(23, result.Entries.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task PutEvents_NoEvents_CallsNothing()
    {
        // Act
        var result = await _events.PutEventsAsync([]);

        // Assert
        Assert.Equal((0, 0), (result.FailedEntryCount, result.Entries.Count));
    }

    [Fact]
    public async Task SetRuleEnabled_DisabledThenEnabled_DescribeRuleFollows()
    {
        // Arrange
        var rule = Unique.Name("rule");
        await RuleToQueueAsync(Unique.Name("test.source"), rule);

        // Act
        await _events.SetRuleEnabledAsync(rule, enabled: false);
        var disabled = await RuleStateAsync(rule);
        await _events.SetRuleEnabledAsync(rule, enabled: true);

        // Assert
        Assert.Equal(("DISABLED", "ENABLED"), (disabled, await RuleStateAsync(rule)));
    }

    [Fact]
    public async Task PutEvents_MissingBus_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() =>
            _events.PutEventsAsync([new BusEvent("test.source", "T", "{}", EventBusName: Unique.Name("no-such-bus"))]));

        // Assert
        Assert.Equal(("EventBridge", "PutEvents", "ResourceNotFoundException"), (error.Service, error.Operation, error.Code));
    }

    private async Task<string> RuleStateAsync(string rule) =>
        (await moto.Raw.JsonAsync("events", "AWSEvents", "DescribeRule", new { Name = rule }))!["State"]!.GetValue<string>();

    /// <summary>A rule on the default bus sending events of <paramref name="source"/> to a new queue.</summary>
    private async Task<string> RuleToQueueAsync(string source, string? rule = null)
    {
        var queueName = Unique.Name("queue");
        var queueUrl = (await moto.Raw.QueryAsync("sqs", "CreateQueue", SqsVersion, ("QueueName", queueName))).Descendants().Single(e => e.Name.LocalName == "QueueUrl").Value;
        rule ??= Unique.Name("rule");
        await _events.PutRuleAsync(rule, new JsonObject { ["source"] = new JsonArray(source) }.ToJsonString(), enabled: true);
        await _events.PutTargetsAsync(rule, [new RuleTarget("queue", $"arn:aws:sqs:us-east-1:123456789012:{queueName}")]);
        return queueUrl;
    }

    /// <summary>The events in the queue (moto delivers at once, so no waiting).</summary>
    private async Task<List<JsonNode>> ReceiveAsync(string queueUrl)
    {
        var received = await moto.Raw.QueryAsync("sqs", "ReceiveMessage", SqsVersion, ("QueueUrl", queueUrl), ("MaxNumberOfMessages", "10"));
        return received.Descendants().Where(e => e.Name.LocalName == "Body").Select(b => JsonNode.Parse(b.Value)!).ToList();
    }
}
