using BlueGreen.Aws.Events;
using System.Text.Json.Nodes;
using BlueGreen.Workflow.Tests.Support;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// Deployment status events as a user receives them: an EventBridge rule on the default bus
/// (source <c>bluegreen</c>, one application) sends them to an SQS queue, for a promoted and for a
/// rolled-back deployment.
/// </summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class DeploymentEventRunTests(WorkflowCloud cloud, ITestOutputHelper output)
{
    [Fact]
    public async Task Promoted_QueueReceivesStartedTrafficShiftedPromoted()
    {
        var sample = await cloud.SeedSampleAsync();
        var queue = await SubscribeQueueAsync(sample.Application);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var events = await ReceiveAsync(queue, until: "PROMOTED");
        Assert.Equal(["STARTED", "TRAFFIC_SHIFTED", "PROMOTED"], events.Select(e => e["detail"]!["status"]!.GetValue<string>()));
        Assert.All(events, e =>
        {
            Assert.Equal("bluegreen", e["source"]!.GetValue<string>());
            Assert.Equal("BlueGreen Deployment Status Change", e["detail-type"]!.GetValue<string>());
            Assert.Equal(sample.Application, e["detail"]!["application"]!.GetValue<string>());
            Assert.Equal(sample.NewImageId, e["detail"]!["imageId"]!.GetValue<string>());
            Assert.Equal(result.ExecutionArn, e["detail"]!["executionArn"]!.GetValue<string>());
        });
        Assert.Equal(100, events[1]["detail"]!["traffic"]!["greenPercent"]!.GetValue<int>());
        Assert.Equal(JsonNode.Parse(result.Output!)!["liveGroup"]!.GetValue<string>(), events[2]["detail"]!["liveGroup"]!.GetValue<string>());
        output.WriteLine(string.Join('\n', events.Select(e => e.ToJsonString())));
    }

    [Fact]
    public async Task RolledBack_QueueReceivesStartedThenRolledBackWithTheErrorAndCause()
    {
        var sample = await cloud.SeedSampleAsync();
        var queue = await SubscribeQueueAsync(sample.Application);
        cloud.Cloud.Faults.FailWithServerError("autoscaling", "CreateAutoScalingGroup", times: 50, function: "ProvisionGreenFunction");
        ExecutionResultLike result;
        try
        {
            var run = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));
            result = new(run.Status, run.Error);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        Assert.Equal("FAILED", result.Status);
        var events = await ReceiveAsync(queue, until: "ROLLED_BACK");
        Assert.Equal(["STARTED", "ROLLED_BACK"], events.Select(e => e["detail"]!["status"]!.GetValue<string>()));
        var rolledBack = events[1]["detail"]!;
        Assert.Equal(result.Error, rolledBack["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(rolledBack["cause"]!.GetValue<string>()));
        Assert.Equal(sample.BlueGroup, rolledBack["liveGroup"]!.GetValue<string>());
        output.WriteLine(string.Join('\n', events.Select(e => e.ToJsonString())));
    }

    private sealed record ExecutionResultLike(string Status, string? Error);

    /// <summary>A queue and a rule sending it this application's deployment events, as a user would set them up.</summary>
    private async Task<string> SubscribeQueueAsync(string application)
    {
        var created = await cloud.Cloud.Raw.JsonAsync("sqs", "AmazonSQS", "CreateQueue", new JsonObject { ["QueueName"] = $"{application}-events" });
        var url = created!["QueueUrl"]!.GetValue<string>();
        var pattern = new JsonObject
        {
            ["source"] = new JsonArray("bluegreen"),
            ["detail-type"] = new JsonArray("BlueGreen Deployment Status Change"),
            ["detail"] = new JsonObject { ["application"] = new JsonArray(application) },
        };
        await cloud.Aws.Events.PutRuleAsync($"{application}-to-queue", pattern.ToJsonString(), enabled: true);
        await cloud.Aws.Events.PutTargetsAsync($"{application}-to-queue", [new RuleTarget("queue", $"arn:aws:sqs:us-east-1:123456789012:{application}-events")]);
        return url;
    }

    private async Task<List<JsonNode>> ReceiveAsync(string queueUrl, string until)
    {
        var received = new List<JsonNode>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (received.All(e => e["detail"]!["status"]!.GetValue<string>() != until))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"no {until} event; received {string.Join(", ", received.Select(e => e["detail"]!["status"]))}");
            var answer = await cloud.Cloud.Raw.JsonAsync("sqs", "AmazonSQS", "ReceiveMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["MaxNumberOfMessages"] = 10 });
            foreach (var message in answer?["Messages"]?.AsArray() ?? [])
            {
                received.Add(JsonNode.Parse(message!["Body"]!.GetValue<string>())!);
            }
        }

        return received.OrderBy(e => DateTimeOffset.Parse(e["detail"]!["time"]!.GetValue<string>())).ToList();
    }
}
