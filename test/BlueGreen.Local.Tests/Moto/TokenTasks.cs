using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>An execution whose one task, AwaitApproval, sends its token to an SQS queue and waits for it.</summary>
internal static class TokenTasks
{
    /// <summary>
    /// Starts the execution and returns once the task waits (TaskSubmitted), with the token read
    /// back from the TaskScheduled event (moto records the resolved parameters). With
    /// <paramref name="catchToFailed"/> the task waits up to 3,600 s (× time scale) and has a Catch
    /// that would end the execution FAILED (error RolledBack) if the wait ended in an error.
    /// </summary>
    public static async Task<(string Execution, string Token)> StartWaitingForTokenAsync(this StepFunctionsDriver sfn, bool catchToFailed = false)
    {
        var queue = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", new JsonObject { ["QueueName"] = $"tokens-{Guid.NewGuid():N}" }))
            .Ok()["QueueUrl"]!.GetValue<string>();
        var task = new JsonObject
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            ["Parameters"] = new JsonObject { ["QueueUrl"] = queue, ["MessageBody"] = new JsonObject { ["token.$"] = "$$.Task.Token" } },
            ["End"] = true,
        };
        var states = new JsonObject { ["AwaitApproval"] = task };
        if (catchToFailed)
        {
            task["TimeoutSeconds"] = 3600;
            task["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["Next"] = "RolledBack" });
            states["RolledBack"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "RolledBack" };
        }

        var execution = await sfn.RunAsync(new JsonObject { ["StartAt"] = "AwaitApproval", ["States"] = states }.ToJsonString());
        return (execution, await ScheduledTokenAsync(sfn, execution));
    }

    private static async Task<string> ScheduledTokenAsync(StepFunctionsDriver sfn, string execution)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // TaskSubmitted means the message is sent and the task now waits for its token.
            var events = await sfn.HistoryAsync(execution);
            if (events.Any(e => e!["type"]!.GetValue<string>() == "TaskSubmitted"))
            {
                var scheduled = events.First(e => e!["type"]!.GetValue<string>() == "TaskScheduled")!;
                var parameters = JsonNode.Parse(scheduled["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>())!;
                return parameters["MessageBody"]!["token"]!.GetValue<string>();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the task never started waiting for its token");
    }
}
