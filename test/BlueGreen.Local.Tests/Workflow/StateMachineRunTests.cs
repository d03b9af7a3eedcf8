using System.Text.Json.Nodes;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Workflow;

/// <summary>The fixture ASL really executed by moto, its Lambda tasks answered by C# handlers.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class StateMachineRunTests(LocalCloudFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private LocalCloud Cloud => fixture.Cloud;

    [Fact]
    public async Task RunExecution_HandlerThrowsTransientOnce_RetryInvokesItTwiceAndSucceeds()
    {
        var run = Guid.NewGuid().ToString();

        var execution = await Cloud.RunExecutionAsync("FixtureWorkflow", new JsonObject { ["run"] = run }.ToJsonString(), Timeout);

        Assert.True(execution.Status == "SUCCEEDED", $"{execution.Status} {execution.Error} {execution.Cause}");
        Assert.Equal(2, fixture.FlakyRuns[run]);
        Assert.Equal("Promoted", JsonNode.Parse(execution.Output!)!["outcome"]!.GetValue<string>());
        var history = await Cloud.Clients.StepFunctions.GetExecutionHistoryAsync(execution.ExecutionArn);
        var failure = Assert.Single(history, e => e.Type == "LambdaFunctionFailed");
        Assert.Equal("Transient", JsonNode.Parse(failure.Details!)!["error"]!.GetValue<string>());
        Assert.Equal(2, history.Count(e => e.Type == "LambdaFunctionScheduled"));
    }

    [Fact]
    public async Task RunExecution_HandlerThrowsGreenUnhealthy_CatchRoutesToRollBack()
    {
        var run = Guid.NewGuid().ToString();

        var execution = await Cloud.RunExecutionAsync("FixtureWorkflow",
            new JsonObject { ["run"] = run, ["green"] = "unhealthy" }.ToJsonString(), Timeout);

        Assert.True(execution.Status == "SUCCEEDED", $"{execution.Status} {execution.Error} {execution.Cause}");
        var output = JsonNode.Parse(execution.Output!)!;
        Assert.Equal("RolledBack", output["outcome"]!.GetValue<string>());
        Assert.Equal("GreenUnhealthy", output["error"]!["Error"]!.GetValue<string>());
        Assert.Contains("i-0abc failed health checks", output["error"]!["Cause"]!.GetValue<string>());

        var history = await Cloud.Clients.StepFunctions.GetExecutionHistoryAsync(execution.ExecutionArn);
        var entered = history.Where(e => e.Type == "PassStateEntered").Select(e => e.StateName);
        Assert.Contains("RollBack", entered);
        Assert.DoesNotContain("Promoted", entered);
        var failed = Assert.Single(history, e => e.Type == "TaskFailed");
        Assert.Equal("GreenUnhealthy", JsonNode.Parse(failed.Details!)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunExecution_ThroughGateway_CountsStepFunctionsAndLambdaCalls()
    {
        var invokesBefore = Cloud.Calls.Count("lambda", "Invoke");

        var execution = await Cloud.RunExecutionAsync("FixtureWorkflow",
            new JsonObject { ["run"] = Guid.NewGuid().ToString() }.ToJsonString(), Timeout);

        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.Equal(invokesBefore + 3, Cloud.Calls.Count("lambda", "Invoke"));
        Assert.True(Cloud.Calls.Count("states", "StartExecution") >= 1);
        Assert.True(Cloud.Calls.Count("states", "DescribeExecution") >= 1);
    }
}
