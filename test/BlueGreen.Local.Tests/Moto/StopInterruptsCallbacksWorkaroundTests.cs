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
        var (execution, _) = await sfn.StartWaitingForTokenAsync(catchToFailed: true);

        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "DeploymentAborted" })).Ok();

        var ended = await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(5));
        Assert.Equal("ABORTED", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StopExecution_WhileWaitingForToken_WithoutWorkaround_KeepsRunning()
    {
        var sfn = await pool.WithoutAsync("stop-interrupts-callbacks");
        var (execution, _) = await sfn.StartWaitingForTokenAsync(catchToFailed: true);

        (await sfn.CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "DeploymentAborted" })).Ok();

        var ended = await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(3));
        Assert.Equal("RUNNING", ended["status"]!.GetValue<string>());
    }
}
