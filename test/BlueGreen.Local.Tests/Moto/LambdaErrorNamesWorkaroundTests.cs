namespace BlueGreen.Local.Tests.Moto;

/// <summary>
/// lambda-error-names: a Lambda-ARN task whose Invoke the Lambda service refused failed with
/// "Exception", which no Retry on Lambda.* matches. Here moto itself is the Lambda endpoint and
/// answers 404 ResourceNotFoundException; the gateway's 429 and 500 take the same path
/// (workflow test: BlueGreen.Workflow.Tests RetryRunTests).
/// </summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class LambdaErrorNamesWorkaroundTests(MotoPool pool)
{
    private const string Definition = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task",
          "Resource":"arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction","End":true}}}
        """;

    [Fact]
    public async Task LambdaTask_ServiceRefusesWithWorkaround_FailsWithLambdaPrefixedCode()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(Definition), TimeSpan.FromSeconds(15));

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("Lambda.ResourceNotFoundException", ended["error"]!.GetValue<string>());
        Assert.Contains("Status Code: 404", ended["cause"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaTask_ServiceRefusesWithoutWorkaround_FailsWithPlainException()
    {
        var sfn = await pool.WithoutAsync("lambda-error-names");

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(Definition), TimeSpan.FromSeconds(15));

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("Exception", ended["error"]!.GetValue<string>());
    }
}
