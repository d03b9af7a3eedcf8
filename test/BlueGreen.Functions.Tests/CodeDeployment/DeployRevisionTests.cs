using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.CodeDeployment;

[Collection(FunctionsCloudCollection.Name)]
public sealed class DeployRevisionTests(FunctionsCloud cloud)
{
    private readonly DeployRevision _handler = new(cloud.Services);

    [Fact]
    public async Task HandleAsync_GreenFleet_DeploysToExactlyGreensInstances()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withCodeDeploy: true, capacity: 2);

        var run = await HandlerCalls.InvokeAsync(_handler, fleets.State, FunctionJsonContext.Default.CodeDeployRun);

        var green = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.GreenGroup])).Single();
        var targeted = await cloud.Aws.CodeDeploy.ListDeploymentInstancesAsync(run.DeploymentId);
        Assert.Equal(green.Instances.Select(i => i.InstanceId).Order(), targeted.Order());
        Assert.Equal(2, targeted.Count);
        var deployment = await cloud.Aws.CodeDeploy.GetDeploymentAsync(run.DeploymentId);
        Assert.Contains(fleets.State.Deployment.DeploymentId, deployment.Description);
        Assert.Equal(RollbackSeeding.CodeDeployGroup, run.DeploymentGroup);
    }

    [Fact]
    public async Task HandleAsync_RunTwice_MakesOneDeployment()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withCodeDeploy: true);
        var settings = fleets.State.Deployment.Settings.CodeDeploy!;

        var first = await HandlerCalls.InvokeAsync(_handler, fleets.State, FunctionJsonContext.Default.CodeDeployRun);
        var second = await HandlerCalls.InvokeAsync(_handler, fleets.State, FunctionJsonContext.Default.CodeDeployRun);

        Assert.Equal(first.DeploymentId, second.DeploymentId);
        Assert.Single(await cloud.Aws.CodeDeploy.ListDeploymentsAsync(settings.Application, settings.DeploymentGroup));
    }

    [Fact]
    public async Task HandleAsync_GroupReachingBeyondGreen_CodeDeployFailedBeforeDeploying()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withCodeDeploy: true);
        // Settings whose color differs from the group's filter: the group would reach other instances.
        var deployment = fleets.State.Deployment with
        {
            Settings = fleets.State.Deployment.Settings with { ColorTag = new Core.Settings.ColorTag("bluegreen:color", "blue", "green") },
        };
        var settings = deployment.Settings.CodeDeploy!;

        var error = await Assert.ThrowsAsync<CodeDeployFailed>(() => HandlerCalls.InvokeAsync(_handler, fleets.State with { Deployment = deployment }, FunctionJsonContext.Default.CodeDeployRun));

        Assert.Contains("only the green fleet", error.Message);
        Assert.Empty(await cloud.Aws.CodeDeploy.ListDeploymentsAsync(settings.Application, settings.DeploymentGroup));
    }
}
