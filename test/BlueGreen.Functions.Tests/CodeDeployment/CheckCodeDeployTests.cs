using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.CodeDeployment;

[Collection(FunctionsCloudCollection.Name)]
public sealed class CheckCodeDeployTests(FunctionsCloud cloud)
{
    /// <summary>The emulator's Created (1 s) + InProgress (3 s), with margin.</summary>
    private static readonly TimeSpan EmulatedDeployment = TimeSpan.FromSeconds(5);

    private readonly CheckCodeDeploy _handler = new(cloud.Services);

    [Fact]
    public async Task HandleAsync_DeploymentRunning_NotDone()
    {
        var state = await DeployedAsync();

        var progress = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.Progress);

        Assert.False(progress.Done);
        Assert.Equal(state.CodeDeploy!.StartedAt, progress.Since);
        Assert.Contains(state.CodeDeploy.DeploymentId, progress.Detail);
    }

    [Fact]
    public async Task HandleAsync_DeploymentSucceeded_Done()
    {
        var state = await DeployedAsync();
        await Task.Delay(EmulatedDeployment);

        var progress = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.Progress);

        Assert.True(progress.Done);
        Assert.Contains("succeeded", progress.Detail);
    }

    [Fact]
    public async Task HandleAsync_DeploymentFailed_CodeDeployFailedWithReasonAndCounts()
    {
        cloud.Cloud.Faults.FailNextCodeDeployDeployment("appspec hook ValidateService failed");
        var state = await DeployedAsync();
        await Task.Delay(EmulatedDeployment);

        var error = await Assert.ThrowsAsync<CodeDeployFailed>(() => HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.Progress));

        Assert.Contains("failed", error.Message);
        Assert.Contains("ValidateService", error.Message);
        Assert.Contains("1 instance(s)", error.Message);
        Assert.Equal(state.CodeDeploy!.DeploymentId, error.Details!["codeDeployId"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_RunningPastTheTimeout_StopsItAndCodeDeployFailed()
    {
        var state = await DeployedAsync();
        var deployment = state.Deployment with
        {
            Settings = state.Deployment.Settings with { CodeDeploy = state.Deployment.Settings.CodeDeploy! with { TimeoutSeconds = 60 } },
        };
        var late = state with
        {
            Deployment = deployment,
            Progress = Progress.Waiting(cloud.Services.Time.GetUtcNow().AddMinutes(-2), "InProgress"),
        };

        var error = await Assert.ThrowsAsync<CodeDeployFailed>(() => HandlerCalls.InvokeAsync(_handler, late, FunctionJsonContext.Default.Progress));

        Assert.Contains("timed out", error.Message);
        Assert.Equal(DeploymentStatus.Stopped, (await cloud.Aws.CodeDeploy.GetDeploymentAsync(state.CodeDeploy!.DeploymentId)).Status);
    }

    [Fact]
    public async Task HandleAsync_PreviousLoopsProgressDone_StartsFromTheDeployment()
    {
        var state = await DeployedAsync();
        var afterGreenLoop = state with { Progress = Progress.Finished(cloud.Services.Time.GetUtcNow().AddHours(-3), "green in service") };

        var progress = await HandlerCalls.InvokeAsync(_handler, afterGreenLoop, FunctionJsonContext.Default.Progress);

        Assert.False(progress.Done);
        Assert.Equal(state.CodeDeploy!.StartedAt, progress.Since);
    }

    private async Task<WorkflowState> DeployedAsync()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withCodeDeploy: true);
        var run = await HandlerCalls.InvokeAsync(new DeployRevision(cloud.Services), fleets.State, FunctionJsonContext.Default.CodeDeployRun);
        return fleets.State with { CodeDeploy = run };
    }
}
