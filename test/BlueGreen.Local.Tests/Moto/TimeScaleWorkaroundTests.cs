namespace BlueGreen.Local.Tests.Moto;

/// <summary>time-scale: Wait states and Retry backoffs slept in real time.</summary>
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
}
