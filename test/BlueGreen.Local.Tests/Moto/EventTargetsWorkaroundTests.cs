using System.Net;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>event-targets: a rule whose target is a state machine starts an execution with the
/// event as input; moto delivered only to SQS, logs and buses (PutEvents answered 500).</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class EventTargetsWorkaroundTests(MotoPool pool)
{
    private const string Pass = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task PutEvents_WithWorkaround_StartsTheTargetStateMachineWithTheEvent()
    {
        var sfn = await pool.WithAllAsync();
        var (machine, marker) = await RuleToStateMachineAsync(sfn);

        var put = await PutMarkedEventAsync(sfn, marker);

        Assert.Equal(HttpStatusCode.OK, put.Status);
        var execution = await StartedExecutionAsync(sfn, machine);
        Assert.NotNull(execution);
        var described = await sfn.WaitForEndAsync(execution!, TimeSpan.FromSeconds(10));
        var input = JsonNode.Parse(described["input"]!.GetValue<string>())!;
        Assert.Equal("test.bluegreen", input["source"]!.GetValue<string>());
        Assert.Equal(marker, input["detail"]!["marker"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", input["time"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutEvents_WithoutWorkaround_StartsNothing()
    {
        var sfn = await pool.WithoutAsync("event-targets");
        var (machine, marker) = await RuleToStateMachineAsync(sfn);

        var put = await PutMarkedEventAsync(sfn, marker);

        Assert.NotEqual(HttpStatusCode.OK, put.Status);
        Assert.Null(await StartedExecutionAsync(sfn, machine));
    }

    private static async Task<(string Machine, string Marker)> RuleToStateMachineAsync(StepFunctionsDriver sfn)
    {
        var machine = await sfn.CreateStateMachineAsync(Pass);
        var marker = Guid.NewGuid().ToString("N");
        await sfn.PutRuleAsync(
            $"start-{marker}",
            new JsonObject { ["source"] = new JsonArray("test.bluegreen"), ["detail"] = new JsonObject { ["marker"] = new JsonArray(marker) } },
            new JsonObject { ["Id"] = "machine", ["Arn"] = machine, ["RoleArn"] = "arn:aws:iam::123456789012:role/start" });
        return (machine, marker);
    }

    private static Task<RawAnswer> PutMarkedEventAsync(StepFunctionsDriver sfn, string marker) =>
        sfn.Client.CallJsonAsync("events", "AWSEvents.PutEvents", new JsonObject
        {
            ["Entries"] = new JsonArray(new JsonObject
            {
                ["Source"] = "test.bluegreen",
                ["DetailType"] = "Marker",
                ["Detail"] = new JsonObject { ["marker"] = marker }.ToJsonString(),
            }),
        }, "1.1");

    private static async Task<string?> StartedExecutionAsync(StepFunctionsDriver sfn, string machine)
    {
        var executions = (await sfn.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine })).Ok()["executions"]!.AsArray();
        return executions.Count == 0 ? null : executions[0]!["executionArn"]!.GetValue<string>();
    }
}
