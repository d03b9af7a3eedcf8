namespace BlueGreen.Local.Tests.Moto;

/// <summary>execution-name: StartExecution without a name named the execution "None".</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class ExecutionNameWorkaroundTests(MotoPool pool)
{
    private const string Definition = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task StartExecution_WithoutNameWithWorkaround_GetsUniqueName()
    {
        var sfn = await pool.WithAllAsync();
        var machine = await sfn.CreateStateMachineAsync(Definition);

        var first = (await sfn.StartExecutionAsync(machine)).Ok()["executionArn"]!.GetValue<string>();
        var second = (await sfn.StartExecutionAsync(machine)).Ok()["executionArn"]!.GetValue<string>();

        Assert.NotEqual(first, second);
        Assert.True(Guid.TryParse(first.Split(':')[^1], out _), first);
    }

    [Fact]
    public async Task StartExecution_WithoutNameWithoutWorkaround_IsNamedNone()
    {
        var sfn = await pool.WithoutAsync("execution-name");
        var machine = await sfn.CreateStateMachineAsync(Definition);

        var arn = (await sfn.StartExecutionAsync(machine)).Ok()["executionArn"]!.GetValue<string>();

        Assert.EndsWith(":None", arn);
    }
}
