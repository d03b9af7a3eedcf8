using System.Text.Json.Nodes;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Locking;

/// <summary>One deployment per AMI announced by events: AcquireLock claims the AMI before the lock.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class ImageClaimsTests(FunctionsCloud cloud)
{
    private readonly AcquireLock _handler = new(cloud.Services);
    private readonly LockStates _states = new(cloud);
    private readonly LockExecutions _executions = new(cloud);

    [Fact]
    public async Task HandleAsync_SameAmiAnnouncedTwice_SecondIgnoredNamingTheFirstWithoutAWrite()
    {
        var first = await EventDeploymentAsync(LockStates.UnstartedExecutionArn());
        var firstAnswer = await AcquireAsync(first);
        var second = await EventDeploymentAsync(LockStates.UnstartedExecutionArn(), first.Deployment.Application, first.Deployment.ImageId);
        var writesBefore = cloud.Cloud.Calls.Snapshot().Mutating;

        var secondAnswer = await AcquireAsync(second);

        Assert.Equal(first.Deployment.ExecutionArn, firstAnswer["holder"]!.GetValue<string>());
        var ignored = secondAnswer["ignored"]!;
        Assert.Equal("Ignored", ignored["outcome"]!.GetValue<string>());
        Assert.Equal(first.Deployment.DeploymentId, ignored["deployedBy"]!["deploymentId"]!.GetValue<string>());
        Assert.Equal(first.Deployment.ExecutionArn, ignored["deployedBy"]!["executionArn"]!.GetValue<string>());
        Assert.Contains(first.Deployment.DeploymentId, ignored["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(writesBefore, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_ClaimingExecutionRetried_HoldsTheLockAgain()
    {
        var state = await EventDeploymentAsync(LockStates.UnstartedExecutionArn());
        await AcquireAsync(state);

        var again = await AcquireAsync(state);

        Assert.Equal(state.Deployment.ExecutionArn, again["holder"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_ConsoleRequestForAnAnnouncedAmi_DeploysItOnPurpose()
    {
        var announced = await EventDeploymentAsync(LockStates.UnstartedExecutionArn());
        await AcquireAsync(announced);
        await _states.PutLockAsync(announced.Deployment.Application, LockStates.UnstartedExecutionArn(), DateTimeOffset.UtcNow.AddHours(-1));
        var request = await _states.NormalizedAsync(announced.Deployment.Application, announced.Deployment.ImageId, LockStates.UnstartedExecutionArn());

        var answer = await AcquireAsync(request);

        Assert.Equal(request.Deployment.ExecutionArn, answer["holder"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_LockHeldByAnotherDeployment_RefusedAndTheAmiCanBeAnnouncedAgain()
    {
        var running = await _executions.StartRunningAsync();
        var holder = await _states.NewApplicationAsync(running);
        await AcquireAsync(holder);
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        var refused = await EventDeploymentAsync(LockStates.UnstartedExecutionArn(), holder.Deployment.Application, image);

        await Assert.ThrowsAsync<DeploymentLocked>(() => AcquireAsync(refused));

        await _states.PutLockAsync(holder.Deployment.Application, LockStates.UnstartedExecutionArn(), DateTimeOffset.UtcNow.AddHours(-1));
        var later = await EventDeploymentAsync(LockStates.UnstartedExecutionArn(), holder.Deployment.Application, image);
        var answer = await AcquireAsync(later);
        Assert.Equal(later.Deployment.ExecutionArn, answer["holder"]!.GetValue<string>());
    }

    private async Task<JsonObject> AcquireAsync(WorkflowState state) =>
        (await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.JsonNode))!.AsObject();

    private async Task<WorkflowState> EventDeploymentAsync(string executionArn, string? application = null, string? imageId = null)
    {
        if (application is null || imageId is null)
        {
            // An AMI of its own: claims are per AMI, whatever the application.
            application = (await _states.NewApplicationAsync(executionArn)).Deployment.Application;
            imageId = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        }

        var state = await _states.NormalizedAsync(application, imageId, executionArn);
        return state with { Deployment = state.Deployment with { Trigger = TriggerKind.AmiStateChange } };
    }
}
