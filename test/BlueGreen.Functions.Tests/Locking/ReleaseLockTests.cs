using BlueGreen.Core.Outputs;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Locking;

[Collection(FunctionsCloudCollection.Name)]
public sealed class ReleaseLockTests(FunctionsCloud cloud)
{
    private readonly AcquireLock _acquire = new(cloud.Services);
    private readonly ReleaseLock _release = new(cloud.Services);
    private readonly LockStates _states = new(cloud);
    private readonly LockExecutions _executions = new(cloud);

    [Fact]
    public async Task HandleAsync_HeldByThisExecution_FreesTheLockAndReturnsTheOutcome()
    {
        var execution = await _executions.StartRunningAsync();
        var state = await AcquiredAsync(execution);

        var outcome = await ReleaseAsync(state);

        Assert.Null(await _states.LockItemAsync(state.Deployment.Application));
        Assert.Equal(state.Deployment.DeploymentId, outcome.DeploymentId);
        Assert.Equal(state.Deployment.Application, outcome.Application);
        Assert.Equal(state.Deployment.ImageId, outcome.ImageId);
        Assert.Equal("green-group", outcome.LiveGroup);
        Assert.Equal("blue-group", outcome.RetiredGroup);
        Assert.Equal(DeploymentStrategy.Swap, outcome.Strategy);
        Assert.Equal(DeploymentOutcome.Promoted, outcome.Outcome);
        var first = Assert.Single(outcome.Steps, s => s.Name == "First");
        Assert.True(first.EndedAt >= first.StartedAt);
        Assert.Contains(outcome.Steps, s => s.Name == "Hold");
    }

    [Fact]
    public async Task HandleAsync_Promoted_WritesThePromotedMetrics()
    {
        var state = await AcquiredAsync(LockStates.UnstartedExecutionArn());

        await ReleaseAsync(state);

        var document = Assert.Single(EmfShape.Records(cloud.Log.ToString(), state.Deployment.DeploymentId));
        Assert.Equal(["Deployments", "DeploymentDuration"], EmfShape.Assert(document).Select(m => m.Name).ToArray());
        Assert.Equal(state.Deployment.Application, document["Application"]!.GetValue<string>());
        Assert.Equal("Promoted", document["Outcome"]!.GetValue<string>());
        Assert.Equal("ReleaseLock", document["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_OutputJson_HasTheDesignsKeys()
    {
        var state = await AcquiredAsync(LockStates.UnstartedExecutionArn());

        var json = await HandlerCalls.InvokeJsonAsync(_release, state);

        foreach (var key in new[] { "deploymentId", "application", "outcome", "imageId", "liveGroup", "retiredGroup", "strategy", "steps" })
        {
            Assert.True(json.ContainsKey(key), $"output lacks {key}: {json}");
        }

        Assert.Equal("Promoted", json["outcome"]!.GetValue<string>());
        Assert.Equal("swap", json["strategy"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_RunTwice_LockAlreadyGoneIsFine()
    {
        var state = await AcquiredAsync(LockStates.UnstartedExecutionArn());

        var first = await ReleaseAsync(state);
        var second = await ReleaseAsync(state);

        Assert.Null(await _states.LockItemAsync(state.Deployment.Application));
        Assert.Equal(first.LiveGroup, second.LiveGroup);
    }

    [Fact]
    public async Task HandleAsync_LockTakenOverByAnother_LeavesItInPlace()
    {
        var state = await AcquiredAsync(LockStates.UnstartedExecutionArn());
        var other = await _executions.StartRunningAsync();
        await _states.PutLockAsync(state.Deployment.Application, other, DateTimeOffset.UtcNow);

        var outcome = await ReleaseAsync(state);

        Assert.Equal(other, (await _states.LockItemAsync(state.Deployment.Application))!["holder"]);
        Assert.Equal(state.Deployment.DeploymentId, outcome.DeploymentId);
        Assert.Contains("not by this execution", cloud.Log.ToString());
    }

    private async Task<DeploymentOutcome> ReleaseAsync(WorkflowState state) =>
        await HandlerCalls.InvokeAsync(_release, state, FunctionJsonContext.Default.DeploymentOutcome);

    /// <summary>A deployment through PromoteGreen: the lock taken, blue and green known.</summary>
    private async Task<WorkflowState> AcquiredAsync(string executionArn)
    {
        var state = await _states.NewApplicationAsync(executionArn);
        var held = await HandlerCalls.InvokeAsync(_acquire, state, FunctionJsonContext.Default.LockHeld);
        return state with
        {
            Lock = held,
            Live = new LiveFleet("blue-group", new LaunchTemplateSpec("lt-0123456789abcdef0", "1"), null, 1, 2, 1, [], [], [], false),
            Green = new GreenFleet("green-group", new LaunchTemplateSpec("lt-0fedcba9876543210", "1")),
        };
    }
}
