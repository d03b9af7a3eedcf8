using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Strategies.InGroup;

/// <summary>The in-group strategy phase by phase on one group in moto, each phase run twice.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class InGroupStrategyTests(FunctionsCloud cloud)
{
    [Fact]
    public async Task ProvisionGreen_TwiceOnInGroup_OwnTemplateOnBlueExpandedOnceAndBeforeRecordedAsNamed()
    {
        var (sample, state) = await FleetStrategySeeding.InGroupAsync(cloud);

        var first = await ProvisionAsync(state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await ProvisionAsync(state);

        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal(first with { Before = null }, second with { Before = null });
        var own = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Equal((sample.BlueGroup, GreenKind.InGroup, new LaunchTemplateSpec(own.Id, "1")), (first.GroupName, first.Kind, first.LaunchTemplate));
        var recorded = first.Before!;
        Assert.Equal((new LaunchTemplateSpec(sample.LaunchTemplateId, "$Latest"), 2, 4, 2, false), (recorded.LaunchTemplate, recorded.MinSize, recorded.MaxSize, recorded.DesiredCapacity, recorded.NewInstancesProtectedFromScaleIn));
        Assert.Equal(state.Live!.InstanceIds, recorded.InstanceIds);
        var group = await GroupAsync(sample.BlueGroup);
        Assert.Equal((4, 4, own.Id, "1"), (group.DesiredCapacity, group.MaxSize, group.LaunchTemplate!.Id, group.LaunchTemplate.Version));
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([state.Deployment.Names.GreenGroup]));
    }

    [Fact]
    public async Task ProvisionGreen_InGroupOnLaunchConfiguration_InvalidRequestBeforeAnyWrite()
    {
        var (sample, state) = await FleetStrategySeeding.InGroupAsync(cloud);
        var lcGroup = await ProvisionSupport.CreateLaunchConfigurationBlueAsync(cloud, sample, Convert.ToBase64String("#!/bin/sh\n"u8));
        var lcState = state with { Live = await WorkflowStates.LiveFleetAsync(cloud, lcGroup) };
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => ProvisionAsync(lcState));

        Assert.Contains("launch configuration", error.Message);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task CheckGreenInServiceAndHealth_InGroup_CountOnlyNewVersionInstances()
    {
        var (_, state) = await ProvisionedAsync();
        cloud.Cloud.Faults.MarkImageUnhealthy(state.Deployment.ImageId);
        try
        {
            var inService = await FleetStrategySeeding.RunAsync(cloud, "CheckGreenInService", state, FunctionJsonContext.Default.Progress);
            var health = await FleetStrategySeeding.RunAsync(cloud, "CheckGreenHealth", state, FunctionJsonContext.Default.Progress);

            Assert.True(inService.Done, inService.Detail);
            Assert.StartsWith("2 of 2 instances InService", inService.Detail);
            // The old instances are healthy, but only the new (unhealthy) ones count.
            Assert.False(health.Done, health.Detail);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        var healthy = await FleetStrategySeeding.RunAsync(cloud, "CheckGreenHealth", state, FunctionJsonContext.Default.Progress);
        Assert.True(healthy.Done, healthy.Detail);
    }

    [Fact]
    public async Task ShiftTraffic_InGroupTwicePerPhase_OldDeregisteredOnceThenDone()
    {
        var (sample, state) = await ProvisionedAsync();

        var taken = await ShiftTwiceAsync(state);
        var done = await ShiftTwiceAsync(state with { Traffic = taken });

        Assert.Equal(("draining", true), (taken.Phase, taken.BlueDetached));
        Assert.True(done.Done);
        var registered = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn))
            .Where(t => t.State is not ("draining" or "unused")).Select(t => t.TargetId);
        Assert.Empty(registered.Intersect(state.Live!.InstanceIds));
        Assert.Equal(2, registered.Count());
    }

    [Fact]
    public async Task RetireBlue_InGroupTwice_OldProtectedInstancesTerminatedGroupBackToItsSize()
    {
        var (sample, state) = await ProvisionedAsync();
        await cloud.Aws.AutoScaling.SetInstanceProtectionAsync(sample.BlueGroup, state.Live!.InstanceIds, protectedFromScaleIn: true);
        var traffic = await FleetStrategySeeding.RunAsync(cloud, "ShiftTraffic", state, FunctionJsonContext.Default.TrafficShift);
        state = state with { Traffic = traffic };

        var first = await FleetStrategySeeding.RunAsync(cloud, "RetireBlue", state, FunctionJsonContext.Default.BlueRetirement);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await FleetStrategySeeding.RunAsync(cloud, "RetireBlue", state, FunctionJsonContext.Default.BlueRetirement);

        Assert.Equal(("terminated 2 old-version instance(s)", "old instances already terminated"), (first.Outcome, second.Outcome));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        var group = await GroupAsync(sample.BlueGroup);
        Assert.Equal((2, 4), (group.DesiredCapacity, group.MaxSize));
        Assert.Empty(group.Instances.Select(i => i.InstanceId).Intersect(state.Live.InstanceIds));
    }

    [Fact]
    public async Task RollBack_InGroupAfterOldTakenOutTwice_OldServeAgainNewGoneReferenceBackAsNamed()
    {
        var (sample, state) = await ProvisionedAsync();
        var traffic = await FleetStrategySeeding.RunAsync(cloud, "ShiftTraffic", state, FunctionJsonContext.Default.TrafficShift);
        state = state with { Traffic = traffic, Failure = new StepFailure("AlarmFired", "alarm web-5xx in ALARM") };

        var first = await FleetStrategySeeding.RunAsync(cloud, "RollBack", state, FunctionJsonContext.Default.RollbackOutcome);
        var before = cloud.Cloud.Calls.Snapshot();
        await FleetStrategySeeding.RunAsync(cloud, "RollBack", state, FunctionJsonContext.Default.RollbackOutcome);

        // Only the lock's conditional delete is sent again.
        Assert.Equal(before.Mutating + 1, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal("AlarmFired", first.Error);
        var group = await GroupAsync(sample.BlueGroup);
        Assert.Equal((2, 4, 2), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Equal((sample.LaunchTemplateId, "$Latest"), (group.LaunchTemplate!.Id, group.LaunchTemplate.Version));
        Assert.Empty(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Equal(state.Live!.InstanceIds.Order(), group.Instances.Select(i => i.InstanceId).Order());
        var serving = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn))
            .Where(t => t.State is not ("draining" or "unused")).Select(t => t.TargetId).Order();
        Assert.Equal(state.Live.InstanceIds.Order(), serving);
    }

    private async Task<(Local.Sample.SampleApplication Sample, WorkflowState State)> ProvisionedAsync()
    {
        var (sample, state) = await FleetStrategySeeding.InGroupAsync(cloud);
        return (sample, state with { Green = await ProvisionAsync(state) });
    }

    private Task<GreenFleet> ProvisionAsync(WorkflowState state) =>
        FleetStrategySeeding.RunAsync(cloud, "ProvisionGreen", state, FunctionJsonContext.Default.GreenFleet);

    /// <summary>One ShiftTraffic call and its retry with the same input: the retry writes nothing.</summary>
    private async Task<TrafficShift> ShiftTwiceAsync(WorkflowState state)
    {
        var first = await FleetStrategySeeding.RunAsync(cloud, "ShiftTraffic", state, FunctionJsonContext.Default.TrafficShift);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await FleetStrategySeeding.RunAsync(cloud, "ShiftTraffic", state, FunctionJsonContext.Default.TrafficShift);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Equal(first.Phase, second.Phase);
        return first;
    }

    private async Task<AutoScalingGroup> GroupAsync(string name) =>
        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name]));
}
