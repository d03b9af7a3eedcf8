using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// Writes whose first attempt takes effect but whose answer is lost (the gateway answers 500 after
/// moto applied it): the retry must find the work done — "already gone" is done — and the
/// execution ends as it would have without the fault.
/// </summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class LostAnswerRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_DetachBlueAnswerLost_RetryIsANoOpAndGreenIsLive()
    {
        var sample = await cloud.SeedSampleAsync();
        cloud.Cloud.Faults.LoseResponse("autoscaling", "DetachLoadBalancerTargetGroups", 1);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.NotEqual(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        Assert.Equal(2, cloud.Cloud.Calls.Writes().Count(w => w.Operation == "DetachLoadBalancerTargetGroups" && w.Body.Contains(sample.BlueGroup, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Execution_RollbackDeleteGreenAnswerLost_RolledBackNotRollbackFailed()
    {
        var sample = await cloud.SeedSampleAsync(SwapDeploymentRunTests.ShortHealthTimeout);
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        cloud.Cloud.Faults.LoseResponse("autoscaling", "DeleteAutoScalingGroup", 1);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.Equal(("FAILED", "GreenUnhealthy"), (result.Status, result.Error));
        Assert.True(result.ParsedCause()["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var tagged = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string> { ["bluegreen:application"] = sample.Application });
        Assert.DoesNotContain(tagged, g => g.Name != sample.BlueGroup);
    }

    [Theory]
    [InlineData("TerminateInstanceInAutoScalingGroup")]
    [InlineData("DeregisterTargets")]
    public async Task Execution_InGroupContractAnswerLost_OnlyNewInstancesLeftAtTheOriginalSize(string operation)
    {
        var sample = await cloud.SeedSampleAsync(InGroupDeploymentRunTests.InGroupSettings(healthTimeout: 120));
        var old = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]))[0];
        cloud.Cloud.Faults.LoseResponse(null, operation, 1);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{operation}: {result.Status} {result.Error} {result.Cause}");
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var group = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]))[0];
        // A terminate repeated after a lost answer must not shrink the group a second time.
        Assert.Equal(old.DesiredCapacity, group.DesiredCapacity);
        Assert.DoesNotContain(group.Instances, i => old.Instances.Any(o => o.InstanceId == i.InstanceId));
    }
}
