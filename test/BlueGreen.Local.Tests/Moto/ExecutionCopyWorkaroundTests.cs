using System.Net;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>execution-copy: every StartExecution after the first returned 500 (pickling an RLock).</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class ExecutionCopyWorkaroundTests(MotoPool pool)
{
    private const string Definition = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task StartExecution_SecondTimeWithWorkaround_Succeeds()
    {
        var sfn = await pool.WithAllAsync();
        var machine = await sfn.CreateStateMachineAsync(Definition);

        var first = await sfn.StartExecutionAsync(machine, name: "first");
        var second = await sfn.StartExecutionAsync(machine, name: "second");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var ended = await sfn.WaitForEndAsync(second.Ok()["executionArn"]!.GetValue<string>(), TimeSpan.FromSeconds(10));
        Assert.Equal("SUCCEEDED", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartExecution_SecondTimeWithoutWorkaround_Returns500()
    {
        var sfn = await pool.WithoutAsync("execution-copy");
        var machine = await sfn.CreateStateMachineAsync(Definition);

        var first = await sfn.StartExecutionAsync(machine, name: "first");
        var second = await sfn.StartExecutionAsync(machine, name: "second");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
    }
}
