using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>time-scale: Wait states, Retry backoffs and task timeouts ran in real time.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class TimeScaleWorkaroundTests(MotoPool pool)
{
    // 200 s × 0.01 = 2 s.
    private const string WaitDefinition = """{"StartAt":"Sleep","States":{"Sleep":{"Type":"Wait","Seconds":200,"End":true}}}""";

    // Fails at once (no such queue), retried once after 300 s × 0.01 = 3 s.
    private const string RetryDefinition = """
        {"StartAt":"Send","States":{"Send":{"Type":"Task",
          "Resource":"arn:aws:states:::sqs:sendMessage",
          "Parameters":{"QueueUrl":"http://127.0.0.1/123456789012/no-such-queue","MessageBody":"x"},
          "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":300,"MaxAttempts":1}],
          "End":true}}}
        """;

    // Waits for a token nobody sends; times out after 300 s × 0.01 = 3 s.
    private const string TokenTimeoutDefinition = """
        {"StartAt":"Await","States":{"Await":{"Type":"Task",
          "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl.$":"$.queue","MessageBody":{"token.$":"$$.Task.Token"}},
          "TimeoutSecondsPath":"$.timeoutSeconds",
          "End":true}}}
        """;

    [Fact]
    public async Task TaskTimeout_300SecondsWithWorkaround_TimesOutWithinSeconds()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await sfn.WaitForEndAsync(await StartTokenWaitAsync(sfn), TimeSpan.FromSeconds(20));

        Assert.Equal(("FAILED", "States.Timeout"), (ended["status"]!.GetValue<string>(), ended["error"]?.GetValue<string>()));
    }

    [Fact]
    public async Task TaskTimeout_300SecondsWithoutWorkaround_StillRunningAfterScaledTime()
    {
        var sfn = await pool.WithoutAsync("time-scale");
        var execution = await StartTokenWaitAsync(sfn);

        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal("RUNNING", (await sfn.DescribeExecutionAsync(execution))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_200SecondsWithWorkaround_EndsWithinSeconds()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(WaitDefinition), TimeSpan.FromSeconds(15));

        Assert.Equal("SUCCEEDED", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_200SecondsWithoutWorkaround_StillRunningAfterScaledTime()
    {
        var sfn = await pool.WithoutAsync("time-scale");
        var execution = await sfn.RunAsync(WaitDefinition);

        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal("RUNNING", (await sfn.DescribeExecutionAsync(execution))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetryBackoff_300SecondsWithWorkaround_RetriesWithinSeconds()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(RetryDefinition), TimeSpan.FromSeconds(15));

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetryBackoff_300SecondsWithoutWorkaround_StillRunningAfterScaledTime()
    {
        var sfn = await pool.WithoutAsync("time-scale");
        var execution = await sfn.RunAsync(RetryDefinition);

        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal("RUNNING", (await sfn.DescribeExecutionAsync(execution))["status"]!.GetValue<string>());
    }

    private static async Task<string> StartTokenWaitAsync(StepFunctionsDriver sfn)
    {
        var queue = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", new JsonObject { ["QueueName"] = $"tokens-{Guid.NewGuid():N}" }))
            .Ok()["QueueUrl"]!.GetValue<string>();
        return await sfn.RunAsync(TokenTimeoutDefinition, new JsonObject { ["queue"] = queue, ["timeoutSeconds"] = 300 }.ToJsonString());
    }
}
