using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Recovery;

/// <summary>RecoverStoppedDeployment against moto: real stopped executions (small state machines
/// whose waiting state carries a workflow state name) and the real lock table.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class RecoverStoppedDeploymentTests(FunctionsCloud cloud)
{
    private readonly RecoverStoppedDeployment _handler = new(cloud.Services);
    private readonly LockStates _states = new(cloud);
    private readonly LockExecutions _executions = new(cloud);

    [Fact]
    public async Task HandleAsync_StoppedMidShift_ClaimsTheCleanupAndHandsItsStateToRollBack()
    {
        var (state, stopped) = await StoppedHoldingTheLockAsync("ShiftTraffic");
        var cleanup = LockStates.UnstartedExecutionArn();

        var result = await RecoverAsync(stopped, cleanup);

        Assert.Equal("RollBack", result["recovery"]!["action"]!.GetValue<string>());
        Assert.Equal(state.Deployment.DeploymentId, result["deployment"]!["deploymentId"]!.GetValue<string>());
        Assert.Equal("DeploymentStopped", result["failure"]!["Error"]!.GetValue<string>());
        var cause = JsonNode.Parse(result["failure"]!["Cause"]!.GetValue<string>())!;
        Assert.Contains("was stopped", cause["errorMessage"]!.GetValue<string>());
        Assert.Contains("ShiftTraffic", cause["errorMessage"]!.GetValue<string>());
        Assert.Equal("test stop", cause["details"]!["cause"]!.GetValue<string>());
        var item = await _states.LockItemAsync(state.Deployment.Application);
        Assert.Equal(stopped, item!["holder"]);
        Assert.Equal(cleanup, item["cleanupBy"]);
    }

    [Fact]
    public async Task HandleAsync_StoppedInRetireBlue_ReleasesOnlyTheLockAndSaysWhatToCheck()
    {
        var (state, stopped) = await StoppedHoldingTheLockAsync("RetireBlue");

        var result = await RecoverAsync(stopped, LockStates.UnstartedExecutionArn());

        var outcome = Finished(result);
        Assert.Equal(CleanupOutcome.LockReleased, outcome.Outcome);
        Assert.False(outcome.RolledBack);
        Assert.Contains("point of no return", outcome.Message);
        Assert.Contains("retirement may be incomplete", outcome.Message);
        Assert.Contains($"{state.Deployment.Application}-blue", outcome.Message);
        Assert.Null(await _states.LockItemAsync(state.Deployment.Application));
    }

    [Fact]
    public async Task HandleAsync_StoppedWithoutTheLock_NothingToCleanUpAndNothingWritten()
    {
        var state = await _states.NewApplicationAsync(LockStates.UnstartedExecutionArn());
        var stopped = await _executions.StartStoppedAsync("AcquireLock", Serialize(state));
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var result = await RecoverAsync(stopped, LockStates.UnstartedExecutionArn());

        Assert.Equal(CleanupOutcome.NothingToCleanUp, Finished(result).Outcome);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_ClaimedByARunningCleanup_SecondEndsWithoutWritesNamingTheFirst()
    {
        var (state, stopped) = await StoppedHoldingTheLockAsync("CheckGreenHealth");
        var first = await _executions.StartRunningAsync();
        await RecoverAsync(stopped, first);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var result = await RecoverAsync(stopped, LockStates.UnstartedExecutionArn());

        var outcome = Finished(result);
        Assert.Equal(CleanupOutcome.AlreadyBeingCleanedUp, outcome.Outcome);
        Assert.Equal(first, outcome.CleanupBy);
        Assert.Contains(first, outcome.Message);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal(first, (await _states.LockItemAsync(state.Deployment.Application))!["cleanupBy"]);
    }

    [Fact]
    public async Task HandleAsync_ClaimOfAnEndedCleanup_IsTakenOverSoTheCleanupCanRunAgain()
    {
        var (state, stopped) = await StoppedHoldingTheLockAsync("ShiftTraffic");
        var ended = await _executions.StartEndedAsync();
        await RecoverAsync(stopped, ended);
        var again = LockStates.UnstartedExecutionArn();

        var result = await RecoverAsync(stopped, again);

        Assert.Equal("RollBack", result["recovery"]!["action"]!.GetValue<string>());
        Assert.Equal(again, (await _states.LockItemAsync(state.Deployment.Application))!["cleanupBy"]);
    }

    [Fact]
    public async Task HandleAsync_ExecutionStillRunning_NotStoppedAndNothingWritten()
    {
        var running = await _executions.StartRunningAsync();
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var result = await RecoverAsync(running, LockStates.UnstartedExecutionArn());

        var outcome = Finished(result);
        Assert.Equal(CleanupOutcome.NotStopped, outcome.Outcome);
        Assert.Contains("still running", outcome.Message);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    private async Task<(WorkflowState State, string Stopped)> StoppedHoldingTheLockAsync(string stateName)
    {
        var placeholder = await _states.NewApplicationAsync(LockStates.UnstartedExecutionArn());
        var state = placeholder with
        {
            Live = new LiveFleet($"{placeholder.Deployment.Application}-blue", null, null, 1, 2, 1, [], [], [], Adopted: true),
        };
        var stopped = await _executions.StartStoppedAsync(stateName, Serialize(state));
        await _states.PutLockAsync(state.Deployment.Application, stopped, DateTimeOffset.UtcNow.AddMinutes(-1));
        return (state, stopped);
    }

    private async Task<JsonObject> RecoverAsync(string stopped, string cleanup)
    {
        var input = new RecoverStoppedDeploymentInput(new StoppedExecution(stopped, null, null, StoppedExecution.Aborted, null, null, null, null), cleanup);
        await using var response = await _handler.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(input, FunctionJsonContext.Default.RecoverStoppedDeploymentInput))));
        return (await JsonNode.ParseAsync(response))!.AsObject();
    }

    private static CleanupOutcome Finished(JsonObject result)
    {
        Assert.Equal("Finished", result["recovery"]!["action"]!.GetValue<string>());
        return result["recovery"]!["outcome"].Deserialize(FunctionJsonContext.Default.CleanupOutcome)!;
    }

    private static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, FunctionJsonContext.Default.WorkflowState);
}
