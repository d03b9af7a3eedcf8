using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>stop-interrupts-callbacks: StopExecution did not wake a task waiting for its token, so a
/// deployment stopped while awaiting approval kept running until the approval timed out, then
/// rolled back through its own Catch and ended FAILED instead of ABORTED.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class StopInterruptsCallbacksWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task StopExecution_WhileWaitingForToken_WithWorkaround_EndsAbortedAtOnce()
    {
        var sfn = await pool.WithAllAsync();
        var execution = await StartWaitingForTokenAsync(sfn);

        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "DeploymentAborted" })).Ok();

        var ended = await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(5));
        Assert.Equal("ABORTED", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StopExecution_WhileWaitingForToken_WithoutWorkaround_KeepsRunning()
    {
        var sfn = await pool.WithoutAsync("stop-interrupts-callbacks");
        var execution = await StartWaitingForTokenAsync(sfn);

        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "DeploymentAborted" })).Ok();

        var ended = await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(3));
        Assert.Equal("RUNNING", ended["status"]!.GetValue<string>());
    }

    /// <summary>A task that sends its token to a queue and waits (up to 3,600 s × time scale = 36 s),
    /// with a Catch that would end the execution FAILED if the wait ended in an error.</summary>
    private static async Task<string> StartWaitingForTokenAsync(StepFunctionsDriver sfn)
    {
        var queue = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", new JsonObject { ["QueueName"] = $"tokens-{Guid.NewGuid():N}" }))
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
                    ["Parameters"] = new JsonObject { ["QueueUrl"] = queue, ["MessageBody"] = new JsonObject { ["token.$"] = "$$.Task.Token" } },
                    ["TimeoutSeconds"] = 3600,
                    ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["Next"] = "RolledBack" }),
                    ["End"] = true,
                },
                ["RolledBack"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "RolledBack" },
            },
        };
        var execution = await sfn.RunAsync(definition.ToJsonString());
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await sfn.HistoryAsync(execution)).Any(e => e!["type"]!.GetValue<string>() == "TaskSubmitted"))
            {
                return execution;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the task never started waiting for its token");
    }
}
