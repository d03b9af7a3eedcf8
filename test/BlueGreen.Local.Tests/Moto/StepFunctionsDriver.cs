using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>Creates state machines and runs executions in moto over Step Functions' JSON 1.0 API.</summary>
public sealed class StepFunctionsDriver(RawAws client)
{
    private const string Role = "arn:aws:iam::123456789012:role/bluegreen-test";

    public RawAws Client => client;

    public Task<RawAnswer> CallAsync(string operation, JsonObject body) =>
        client.CallJsonAsync("states", $"AWSStepFunctions.{operation}", body);

    public async Task<string> CreateStateMachineAsync(string definition)
    {
        var response = await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = $"sm-{Guid.NewGuid():N}",
            ["definition"] = definition,
            ["roleArn"] = Role,
        });
        return response.Ok()["stateMachineArn"]!.GetValue<string>();
    }

    public Task<RawAnswer> StartExecutionAsync(string stateMachineArn, string input = "{}", string? name = null)
    {
        var body = new JsonObject { ["stateMachineArn"] = stateMachineArn, ["input"] = input };
        if (name is not null)
        {
            body["name"] = name;
        }

        return CallAsync("StartExecution", body);
    }

    public async Task<string> RunAsync(string definition, string input = "{}")
    {
        var machine = await CreateStateMachineAsync(definition);
        var started = await StartExecutionAsync(machine, input, $"run-{Guid.NewGuid():N}");
        return started.Ok()["executionArn"]!.GetValue<string>();
    }

    public async Task<JsonNode> DescribeExecutionAsync(string executionArn) =>
        (await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn })).Ok();

    /// <summary>Polls until the execution leaves RUNNING or the timeout passes; returns the last description.</summary>
    public async Task<JsonNode> WaitForEndAsync(string executionArn, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var execution = await DescribeExecutionAsync(executionArn);
            if (execution["status"]!.GetValue<string>() != "RUNNING" || clock.Elapsed > timeout)
            {
                return execution;
            }

            await Task.Delay(100);
        }
    }

    public async Task<JsonArray> HistoryAsync(string executionArn) =>
        (JsonArray)(await CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn })).Ok()["events"]!;
}
