using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Strategies.Pair;

/// <summary>The pair option phase by phase in moto: two existing groups, none created or deleted.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class PairPlacementTests(FunctionsCloud cloud)
{
    [Fact]
    public async Task DescribeLive_PairNeitherTagged_LiveIsTheOneWithInstances()
    {
        var (sample, _, state) = await FleetStrategySeeding.PairAsync(cloud);

        Assert.Equal((sample.BlueGroup, true), (state.Live!.GroupName, state.Live.Adopted));
    }

    [Fact]
    public async Task DescribeLive_PairBothWithInstances_LiveGroupNotFoundSaysWhatToDo()
    {
        var (_, idle, state) = await FleetStrategySeeding.PairAsync(cloud, idleDesired: 1);

        var error = await Assert.ThrowsAsync<LiveGroupNotFound>(() => FleetStrategySeeding.RunAsync(cloud, "DescribeLive", state, FunctionJsonContext.Default.LiveFleet));

        Assert.Contains("ambiguous", error.Message);
        Assert.Contains("liveGroup", error.Message);
        Assert.Contains(idle, error.Details!.ToJsonString());
    }

    [Fact]
    public async Task ProvisionGreen_PairTwice_IdleScaledLikeBlueOnTheDeploymentsTemplateNoGroupCreated()
    {
        var (sample, idle, state) = await FleetStrategySeeding.PairAsync(cloud);

        var first = await ProvisionAsync(state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await ProvisionAsync(state);

        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        var own = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Equal((idle, GreenKind.PairIdle, new LaunchTemplateSpec(own.Id, "1")), (first.GroupName, first.Kind, first.LaunchTemplate));
        // The retry finds the group on the deployment's template: what it named before comes from the template's tag.
        Assert.Equal(first.Before!.LaunchTemplate, second.Before!.LaunchTemplate);
        Assert.Equal("1", first.Before.LaunchTemplate!.Version);
        Assert.NotEqual(own.Id, first.Before.LaunchTemplate.Id);
        var group = await GroupAsync(idle);
        Assert.Equal((2, 4, 2), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Contains(group.Tags, t => t.Key == "bluegreen:color" && t.Value == "green");
        Assert.Contains(group.Tags, t => t.Key == "bluegreen:application" && t.Value == sample.Application);
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([state.Deployment.Names.GreenGroup]));
    }

    [Fact]
    public async Task RetireBlue_PairWithTerminateAction_OldGroupScaledToZeroNeverDeleted()
    {
        var (sample, _, state) = await FleetStrategySeeding.PairAsync(cloud, action: "terminate");
        state = state with { Green = await ProvisionAsync(state) };
        await FleetStrategySeeding.RunAsync(cloud, "PromoteGreen", state, FunctionJsonContext.Default.Promoted);

        var retired = await FleetStrategySeeding.RunAsync(cloud, "RetireBlue", state, FunctionJsonContext.Default.BlueRetirement);

        Assert.StartsWith("scaled to zero (pair: blueAfterCutover.action terminate is read as scaleToZero", retired.Outcome);
        var old = await GroupAsync(sample.BlueGroup);
        Assert.Equal((0, 0), (old.MinSize, old.DesiredCapacity));
    }

    [Fact]
    public async Task RollBack_PairTwice_IdleBackToZeroOnItsOldVersionBlueUntouched()
    {
        var (sample, idle, state) = await FleetStrategySeeding.PairAsync(cloud);
        state = state with { Green = await ProvisionAsync(state), Failure = new StepFailure("GreenUnhealthy", "2 of 2 unhealthy") };

        var first = await FleetStrategySeeding.RunAsync(cloud, "RollBack", state, FunctionJsonContext.Default.RollbackOutcome);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        await FleetStrategySeeding.RunAsync(cloud, "RollBack", state, FunctionJsonContext.Default.RollbackOutcome);

        // Only the lock's conditional delete is sent again.
        Assert.Equal(before + 1, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal(sample.BlueGroup, System.Text.Json.Nodes.JsonNode.Parse(first.Cause)!["liveGroup"]!.GetValue<string>());
        var green = await GroupAsync(idle);
        Assert.Equal((0, 0, "1"), (green.MinSize, green.DesiredCapacity, green.LaunchTemplate!.Version));
        var blue = await GroupAsync(sample.BlueGroup);
        Assert.Equal((2, 2), (blue.DesiredCapacity, blue.Instances.Count));
    }

    [Fact]
    public async Task PlanDeployment_Pair_NamesTheIdleGroupAndScalingToZeroWithoutAnyWrite()
    {
        var (sample, idle, state) = await FleetStrategySeeding.PairAsync(cloud);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var plan = await HandlerCalls.InvokeAsync(new BlueGreen.Functions.Handlers.PlanDeployment(cloud.Services), state, FunctionJsonContext.Default.DeploymentPlan);

        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal((sample.BlueGroup, idle), (plan.LiveGroup, plan.GreenGroup));
        Assert.Contains(plan.Summary, line => line.Contains($"Pair group {idle} (it exists; nothing is created)", StringComparison.Ordinal));
        Assert.Contains(plan.Summary, line => line.Contains("scaled to zero (a pair's groups are never deleted)", StringComparison.Ordinal));
    }

    private Task<GreenFleet> ProvisionAsync(WorkflowState state) =>
        FleetStrategySeeding.RunAsync(cloud, "ProvisionGreen", state, FunctionJsonContext.Default.GreenFleet);

    private async Task<AutoScalingGroup> GroupAsync(string name) =>
        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name]));
}
