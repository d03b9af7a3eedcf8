using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>task-failure-cause: SendTaskFailure dropped `cause`, so a rejection lost its reason.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class TaskFailureCauseWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task SendTaskFailure_WithWorkaround_KeepsCause()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await RejectWaitingTaskAsync(sfn);

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("ApprovalRejected", ended["error"]!.GetValue<string>());
        Assert.Equal("not today", ended["cause"]?.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskFailure_WithoutWorkaround_DropsCause()
    {
        var sfn = await pool.WithoutAsync("task-failure-cause");

        var ended = await RejectWaitingTaskAsync(sfn);

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("ApprovalRejected", ended["error"]!.GetValue<string>());
        Assert.Null(ended["cause"]);
    }

    /// <summary>
    /// Runs a task that sends its token to an SQS queue and waits; reads the token back from the
    /// TaskScheduled event (moto records the resolved parameters) and rejects it with a cause.
    /// </summary>
    private static async Task<JsonNode> RejectWaitingTaskAsync(StepFunctionsDriver sfn)
    {
        var queue = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", new JsonObject { ["QueueName"] = $"approvals-{Guid.NewGuid():N}" }))
            .Ok()["QueueUrl"]!.GetValue<string>();
        var definition = new JsonObject
        {
            ["StartAt"] = "AwaitApproval",
            ["States"] = new JsonObject
            {
                ["AwaitApproval"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    ["Parameters"] = new JsonObject
                    {
                        ["QueueUrl"] = queue,
                        ["MessageBody"] = new JsonObject { ["token.$"] = "$$.Task.Token" },
                    },
                    ["End"] = true,
                },
            },
        };
        var execution = await sfn.RunAsync(definition.ToJsonString());
        var token = await ScheduledTokenAsync(sfn, execution);

        (await sfn.CallAsync("SendTaskFailure", new JsonObject
        {
            ["taskToken"] = token,
            ["error"] = "ApprovalRejected",
            ["cause"] = "not today",
        })).Ok();

        return await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(10));
    }

    private static async Task<string> ScheduledTokenAsync(StepFunctionsDriver sfn, string execution)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // TaskSubmitted means the message is sent and the task now waits for its token.
            var events = await sfn.HistoryAsync(execution);
            var submitted = events.Any(e => e!["type"]!.GetValue<string>() == "TaskSubmitted");
            var scheduled = submitted ? events.First(e => e!["type"]!.GetValue<string>() == "TaskScheduled") : null;
            if (scheduled is not null)
            {
                var parameters = JsonNode.Parse(scheduled["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>())!;
                return parameters["MessageBody"]!["token"]!.GetValue<string>();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the task never started waiting for its token");
    }
}
