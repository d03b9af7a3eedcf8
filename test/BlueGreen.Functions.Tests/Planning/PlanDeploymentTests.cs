using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Planning;

[Collection(FunctionsCloudCollection.Name)]
public sealed class PlanDeploymentTests(FunctionsCloud cloud)
{
    private readonly DescribeLive _describe = new(cloud.Services);
    private readonly PlanDeployment _handler = new(cloud.Services);
    private readonly LockStates _states = new(cloud);

    [Fact]
    public async Task HandleAsync_SampleApplication_PlansACopyOfBluesTemplateWithoutAnyCall()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 2);
        var state = await DescribedAsync(sample.Application, sample.NewImageId);
        var before = cloud.Cloud.Calls.Snapshot();

        var plan = await PlanAsync(state);
        var again = await PlanAsync(state);

        Assert.Equal(before.Total, cloud.Cloud.Calls.Snapshot().Total);
        Assert.Equal(plan.Summary, again.Summary);
        Assert.Equal(0, plan.Writes);
        Assert.Equal("DryRun", plan.Outcome);
        Assert.Equal(sample.BlueGroup, plan.LiveGroup);
        Assert.True(plan.LiveGroupAdopted);
        Assert.Equal(state.Deployment.Names.GreenGroup, plan.GreenGroup);
        Assert.Equal(new PlannedLaunchTemplate(PlannedLaunchTemplate.NewTemplate, sample.NewImageId, sample.LaunchTemplateId, "1", state.Deployment.Names.LaunchTemplate), plan.LaunchTemplate);
        Assert.Equal(new PlannedCapacity(2, 4, 2), plan.Capacity);
        Assert.Equal([sample.TargetGroupArn], plan.TrafficTargetGroupArns);
        Assert.Equal(DeploymentStrategy.Swap, plan.Strategy);
        Assert.Equal([100], plan.Traffic.Steps.Select(s => s.GreenWeight));
        Assert.Null(plan.CodeDeploy);
        Assert.Contains(plan.Summary, line => line.Contains("0 writes", StringComparison.Ordinal));
        Assert.Contains(plan.Summary, line => line.Contains($"a copy of {sample.LaunchTemplateId} v1 with AMI {sample.NewImageId}; blue's template is not changed", StringComparison.Ordinal));
        Assert.Contains(plan.Summary, line => line.Contains("CodeDeploy would not run", StringComparison.Ordinal));
        Assert.Contains(plan.Summary, line => line.Contains("deleted with its instances", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_BlueOnALaunchConfiguration_PlansANewTemplate()
    {
        var state = await _states.NewApplicationAsync(LockStates.UnstartedExecutionArn());
        state = state with { Live = new LiveFleet("legacy-blue", null, "legacy-lc", 1, 3, 2, ["subnet-1"], [], ["i-1", "i-2"], false) };

        var plan = await PlanAsync(state);

        Assert.Equal(PlannedLaunchTemplate.NewTemplate, plan.LaunchTemplate.Action);
        Assert.Equal(state.Deployment.Names.LaunchTemplate, plan.LaunchTemplate.TemplateName);
        Assert.Equal("legacy-lc", plan.LaunchTemplate.FromLaunchConfiguration);
        Assert.Contains(plan.Summary, line => line.Contains("copied from blue's launch configuration legacy-lc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_WeightedLinear_PlansTheIdleTargetGroupAndEachStep()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1, (blue, targetGroup, spare, listener) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "weighted",
              "weighted": { "listenerArn": "{{listener}}", "targetGroupArns": ["{{targetGroup}}", "{{spare}}"] },
              "traffic": { "type": "Linear", "percent": 25, "intervalSeconds": 60 },
              "blueAfterCutover": { "action": "scaleToZero", "waitSeconds": 300 } }
            """);
        var state = await DescribedAsync(sample.Application, sample.NewImageId);

        var plan = await PlanAsync(state);

        Assert.Equal([sample.SpareTargetGroupArn], plan.TrafficTargetGroupArns);
        Assert.Equal([25, 50, 75, 100], plan.Traffic.Steps.Select(s => s.GreenWeight));
        Assert.Contains(plan.Summary, line => line.Contains("25% (bake 60 s)", StringComparison.Ordinal));
        Assert.Contains(plan.Summary, line => line.Contains("scaled to zero", StringComparison.Ordinal) && line.Contains("300 s", StringComparison.Ordinal));
    }

    private async Task<WorkflowState> DescribedAsync(string application, string imageId)
    {
        var state = await _states.NormalizedAsync(application, imageId, LockStates.UnstartedExecutionArn());
        var live = await HandlerCalls.InvokeAsync(_describe, state, FunctionJsonContext.Default.LiveFleet);
        return state with { Live = live };
    }

    private async Task<DeploymentPlan> PlanAsync(WorkflowState state) =>
        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.DeploymentPlan);
}
