using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>EventBridge rules and an SQS queue to watch what reaches a rule's target.</summary>
public static class EventBusDriver
{
    public const string StatusChange = "Step Functions Execution Status Change";

    /// <summary>A rule on the default bus with <paramref name="pattern"/> and one target.</summary>
    public static async Task PutRuleAsync(this StepFunctionsDriver sfn, string name, JsonObject pattern, JsonObject target)
    {
        (await sfn.Client.CallJsonAsync("events", "AWSEvents.PutRule", new JsonObject
        {
            ["Name"] = name,
            ["EventPattern"] = pattern.ToJsonString(),
            ["State"] = "ENABLED",
        }, "1.1")).Ok();
        (await sfn.Client.CallJsonAsync("events", "AWSEvents.PutTargets", new JsonObject
        {
            ["Rule"] = name,
            ["Targets"] = new JsonArray(target),
        }, "1.1")).Ok();
    }

    /// <summary>A rule sending <paramref name="machine"/>'s status changes to a new queue; returns the queue URL.</summary>
    public static async Task<string> WatchStatusChangesAsync(this StepFunctionsDriver sfn, string machine)
    {
        var name = $"status-{Guid.NewGuid():N}";
        var url = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", new JsonObject { ["QueueName"] = name })).Ok()["QueueUrl"]!.GetValue<string>();
        await sfn.PutRuleAsync(
            name,
            new JsonObject
            {
                ["source"] = new JsonArray("aws.states"),
                ["detail-type"] = new JsonArray(StatusChange),
                ["detail"] = new JsonObject { ["stateMachineArn"] = new JsonArray(machine) },
            },
            new JsonObject { ["Id"] = "queue", ["Arn"] = $"arn:aws:sqs:us-east-1:123456789012:{name}" });
        return url;
    }

    /// <summary>The events in the queue after a short wait (none when nothing was delivered).</summary>
    public static async Task<List<JsonNode>> ReceiveAsync(this StepFunctionsDriver sfn, string queueUrl)
    {
        var received = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.ReceiveMessage", new JsonObject
        {
            ["QueueUrl"] = queueUrl,
            ["MaxNumberOfMessages"] = 10,
            ["WaitTimeSeconds"] = 1,
        })).Ok();
        return (received["Messages"]?.AsArray() ?? [])
            .Select(m => JsonNode.Parse(m!["Body"]!.GetValue<string>())!)
            .ToList();
    }

    /// <summary>A state machine whose executions wait (× time scale) until stopped or timed out.</summary>
    public static string WaitingDefinition(int? timeoutSeconds = null)
    {
        var definition = new JsonObject
        {
            ["StartAt"] = "Wait",
            ["States"] = new JsonObject { ["Wait"] = new JsonObject { ["Type"] = "Wait", ["Seconds"] = 3000, ["End"] = true } },
        };
        if (timeoutSeconds is { } seconds)
        {
            definition["TimeoutSeconds"] = seconds;
        }

        return definition.ToJsonString();
    }
}
