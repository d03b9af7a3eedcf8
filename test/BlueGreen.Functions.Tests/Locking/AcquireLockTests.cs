using System.Text.Json.Nodes;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Locking;

[Collection(FunctionsCloudCollection.Name)]
public sealed class AcquireLockTests(FunctionsCloud cloud)
{
    private readonly AcquireLock _handler = new(cloud.Services);
    private readonly LockStates _states = new(cloud);
    private readonly LockExecutions _executions = new(cloud);

    [Fact]
    public async Task HandleAsync_FreeLock_HoldsItForThisExecutionWritingOnlyTheLockItem()
    {
        var state = await DeploymentAsync(LockStates.UnstartedExecutionArn());
        var before = cloud.Cloud.Calls.Snapshot();

        var held = await AcquireAsync(state);

        var after = cloud.Cloud.Calls.Snapshot();
        Assert.Equal(state.Deployment.ExecutionArn, held.Holder);
        Assert.Null(held.TakenOverFrom);
        var item = await _states.LockItemAsync(state.Deployment.Application);
        Assert.NotNull(item);
        Assert.Equal(state.Deployment.ExecutionArn, item["holder"]);
        Assert.Equal(state.Deployment.DeploymentId, item["deploymentId"]);
        Assert.Equal(state.Deployment.ImageId, item["imageId"]);
        Assert.True(DateTimeOffset.Parse(item["acquiredAt"]) == held.AcquiredAt);
        Assert.Equal(1, after.Mutating - before.Mutating);
        Assert.Equal(1, after.Count("dynamodb", "PutItem") - before.Count("dynamodb", "PutItem"));
    }

    [Fact]
    public async Task HandleAsync_RunTwiceBySameExecution_SameLockAndNoSecondWrite()
    {
        var state = await DeploymentAsync(LockStates.UnstartedExecutionArn());
        var first = await AcquireAsync(state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var second = await AcquireAsync(state);

        Assert.Equal(first, second);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_HeldByRunningExecution_DeploymentLockedNamesTheHolderAndSince()
    {
        var holder = await _executions.StartRunningAsync();
        var first = await DeploymentAsync(holder);
        await AcquireAsync(first);
        var second = await DeploymentAsync(LockStates.UnstartedExecutionArn(), first.Deployment.Application, first.Deployment.ImageId);

        var error = await Assert.ThrowsAsync<DeploymentLocked>(() => AcquireAsync(second));

        Assert.Contains(holder, error.Message);
        Assert.Contains("started", error.Message);
        Assert.Equal(holder, error.Details!["holder"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(error.Details["since"]!.GetValue<string>(), out _));
        Assert.Equal(holder, (await _states.LockItemAsync(first.Deployment.Application))!["holder"]);
    }

    [Fact]
    public async Task HandleAsync_HolderHasEnded_TakesOverAndRecordsTheStaleHolder()
    {
        var stale = await _executions.StartEndedAsync();
        var state = await DeploymentAsync(LockStates.UnstartedExecutionArn());
        await _states.PutLockAsync(state.Deployment.Application, stale, DateTimeOffset.UtcNow.AddHours(-3));

        var held = await AcquireAsync(state);
        var again = await AcquireAsync(state);

        Assert.Equal(state.Deployment.ExecutionArn, held.Holder);
        Assert.Equal(stale, held.TakenOverFrom);
        Assert.Equal(held, again);
        var item = await _states.LockItemAsync(state.Deployment.Application);
        Assert.Equal(state.Deployment.ExecutionArn, item!["holder"]);
        Assert.Equal(stale, item["takenOverFrom"]);
    }

    [Fact]
    public async Task HandleAsync_HolderWasStoppedAndNotCleanedUp_DeploymentLockedSaysHowToCleanUp()
    {
        var stopped = await _executions.StartStoppedAsync("ShiftTraffic", "{}");
        var state = await DeploymentAsync(LockStates.UnstartedExecutionArn());
        await _states.PutLockAsync(state.Deployment.Application, stopped, DateTimeOffset.UtcNow.AddMinutes(-5));
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var error = await Assert.ThrowsAsync<DeploymentLocked>(() => AcquireAsync(state));

        Assert.Contains("was stopped", error.Message);
        Assert.Contains($"bluegreen abort {stopped}", error.Message);
        Assert.Equal("ABORTED", error.Details!["holderStatus"]!.GetValue<string>());
        Assert.Equal(stopped, (await _states.LockItemAsync(state.Deployment.Application))!["holder"]);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_HolderExecutionDoesNotExist_TakesOver()
    {
        var ghost = LockStates.UnstartedExecutionArn();
        var state = await DeploymentAsync(LockStates.UnstartedExecutionArn());
        await _states.PutLockAsync(state.Deployment.Application, ghost, DateTimeOffset.UtcNow.AddDays(-1));

        var held = await AcquireAsync(state);

        Assert.Equal(ghost, held.TakenOverFrom);
        Assert.Equal(state.Deployment.ExecutionArn, (await _states.LockItemAsync(state.Deployment.Application))!["holder"]);
    }

    [Fact]
    public async Task HandleAsync_TwoTakersOfOneStaleLock_TheRunningOneEndsHoldingIt()
    {
        var stale = await _executions.StartEndedAsync();
        var running = await _executions.StartRunningAsync();
        var winner = await DeploymentAsync(running);
        var other = await DeploymentAsync(LockStates.UnstartedExecutionArn(), winner.Deployment.Application, winner.Deployment.ImageId);
        await _states.PutLockAsync(winner.Deployment.Application, stale, DateTimeOffset.UtcNow.AddHours(-1));

        var results = await Task.WhenAll(Attempt(winner), Attempt(other));

        // Whatever the order, each write names the holder it replaces: the running execution either
        // takes the stale lock first (and the other is refused) or takes it from the other, which
        // does not run; never do both end up believing they hold it.
        Assert.IsType<LockHeld>(results[0]);
        Assert.Equal(running, (await _states.LockItemAsync(winner.Deployment.Application))!["holder"]);
        if (results[1] is LockHeld otherHeld)
        {
            Assert.Equal(otherHeld.Holder, ((LockHeld)results[0]).TakenOverFrom);
        }
        else
        {
            Assert.IsType<DeploymentLocked>(results[1]);
        }
    }

    [Fact]
    public async Task HandleAsync_LockTableKeepsFailing_TransientForTheStateMachineToRetry()
    {
        var state = await DeploymentAsync(LockStates.UnstartedExecutionArn());
        cloud.Cloud.Faults.FailWithServerError("dynamodb", "GetItem", times: 20);
        try
        {
            var error = await Assert.ThrowsAsync<Transient>(() => AcquireAsync(state));

            Assert.Contains("GetItem", error.Message);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    private async Task<object> Attempt(WorkflowState state)
    {
        try
        {
            return await AcquireAsync(state);
        }
        catch (DeploymentLocked error)
        {
            return error;
        }
    }

    private async Task<LockHeld> AcquireAsync(WorkflowState state) =>
        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.LockHeld);

    private async Task<WorkflowState> DeploymentAsync(string executionArn, string? application = null, string? imageId = null) =>
        application is null || imageId is null
            ? await _states.NewApplicationAsync(executionArn)
            : await _states.NormalizedAsync(application, imageId, executionArn);
}
