using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>execution-status-events: Step Functions announces every ending on the default bus
/// (what the rule that rolls back a stopped deployment listens to); moto announced nothing.
/// Also shows that moto honours a state machine's top-level TimeoutSeconds (in real seconds: the
/// time scale does not shorten it).</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class ExecutionStatusEventsWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task StopExecution_WithWorkaround_PutsAbortedStatusChangeOnDefaultBus()
    {
        var sfn = await pool.WithAllAsync();
        var machine = await sfn.CreateStateMachineAsync(EventBusDriver.WaitingDefinition());
        var queue = await sfn.WatchStatusChangesAsync(machine);
        var execution = (await sfn.StartExecutionAsync(machine, """{"application":"shop"}""", $"run-{Guid.NewGuid():N}")).Ok()["executionArn"]!.GetValue<string>();

        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "Superseded", ["cause"] = "a newer pipeline run" })).Ok();
        Assert.Equal("ABORTED", (await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(10)))["status"]!.GetValue<string>());

        var received = Assert.Single(await ReceiveEventuallyAsync(sfn, queue));
        Assert.Equal("aws.states", received["source"]!.GetValue<string>());
        Assert.Equal(EventBusDriver.StatusChange, received["detail-type"]!.GetValue<string>());
        var detail = received["detail"]!;
        Assert.Equal(execution, detail["executionArn"]!.GetValue<string>());
        Assert.Equal(machine, detail["stateMachineArn"]!.GetValue<string>());
        Assert.Equal("ABORTED", detail["status"]!.GetValue<string>());
        Assert.Equal("Superseded", detail["error"]!.GetValue<string>());
        Assert.Equal("a newer pipeline run", detail["cause"]!.GetValue<string>());
        Assert.Equal("""{"application":"shop"}""", detail["input"]!.GetValue<string>());
        Assert.True(detail["stopDate"]!.GetValue<long>() >= detail["startDate"]!.GetValue<long>());
    }

    [Fact]
    public async Task TimeoutSeconds_WithWorkaround_EndsTimedOutAndPutsItsStatusChange()
    {
        var sfn = await pool.WithAllAsync();
        var machine = await sfn.CreateStateMachineAsync(EventBusDriver.WaitingDefinition(timeoutSeconds: 1));
        var queue = await sfn.WatchStatusChangesAsync(machine);
        var execution = (await sfn.StartExecutionAsync(machine, "{}", $"run-{Guid.NewGuid():N}")).Ok()["executionArn"]!.GetValue<string>();

        Assert.Equal("TIMED_OUT", (await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(10)))["status"]!.GetValue<string>());

        var received = Assert.Single(await ReceiveEventuallyAsync(sfn, queue));
        Assert.Equal("TIMED_OUT", received["detail"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StopExecution_WithoutWorkaround_PutsNothingOnTheBus()
    {
        var sfn = await pool.WithoutAsync("execution-status-events");
        var machine = await sfn.CreateStateMachineAsync(EventBusDriver.WaitingDefinition());
        var queue = await sfn.WatchStatusChangesAsync(machine);
        var execution = (await sfn.StartExecutionAsync(machine, "{}", $"run-{Guid.NewGuid():N}")).Ok()["executionArn"]!.GetValue<string>();

        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution })).Ok();
        Assert.Equal("ABORTED", (await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(10)))["status"]!.GetValue<string>());

        Assert.Empty(await sfn.ReceiveAsync(queue));
    }

    private static async Task<List<JsonNode>> ReceiveEventuallyAsync(StepFunctionsDriver sfn, string queue)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await sfn.ReceiveAsync(queue) is { Count: > 0 } received)
            {
                return received;
            }
        }

        return [];
    }
}
