using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>stop-execution-cause: StopExecution dropped error and cause, so an aborted deployment
/// could not say who stopped it or why (`bluegreen abort --reason`).</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class StopExecutionCauseWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task StopExecution_WithWorkaround_KeepsErrorAndCause()
    {
        var ended = await StopWithReasonAsync(await pool.WithAllAsync());

        Assert.Equal("ABORTED", ended["status"]!.GetValue<string>());
        Assert.Equal("DeploymentAborted", ended["error"]?.GetValue<string>());
        Assert.Equal("wrong AMI", ended["cause"]?.GetValue<string>());
    }

    [Fact]
    public async Task StopExecution_WithoutWorkaround_DropsErrorAndCause()
    {
        var ended = await StopWithReasonAsync(await pool.WithoutAsync("stop-execution-cause"));

        Assert.Equal("ABORTED", ended["status"]!.GetValue<string>());
        Assert.Null(ended["error"]);
        Assert.Null(ended["cause"]);
    }

    private static async Task<JsonNode> StopWithReasonAsync(StepFunctionsDriver sfn)
    {
        var execution = await sfn.RunAsync(EventBusDriver.WaitingDefinition());
        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "DeploymentAborted", ["cause"] = "wrong AMI" })).Ok();
        return await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(10));
    }
}
