using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Two deployments at once, and a step that fails after it already created something.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class LockAndRetryRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_SecondDeploymentWhileFirstRuns_DeploymentLockedNamingTheHolderAndNoWrite()
    {
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "blueAfterCutover": { "action": "terminate", "waitSeconds": {{cloud.RealSeconds(20)}}, "drainSeconds": 1 } }
            """);
        var arn = cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine);
        var first = await cloud.Aws.StepFunctions.StartExecutionAsync(arn, "first-" + Guid.NewGuid().ToString("N")[..8], AmiEvents.Available(sample.NewImageId));
        // Blue is kept for waitSeconds (20 real seconds on the cloud's scaled clock): the first holds the lock meanwhile.
        while (!(await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(first)).Any(e => e.StateName == "WaitBeforeRetiringBlue"))
        {
            await Task.Delay(100);
        }

        var before = cloud.Cloud.Calls.Snapshot();
        // From the console: an image event for the same AMI would be ignored as already deployed (ImageEventRunTests).
        var second = await cloud.RunAsync($$"""{ "application": "{{sample.Application}}", "imageId": "{{sample.NewImageId}}" }""");
        var after = cloud.Cloud.Calls.Snapshot();

        Assert.Equal(("FAILED", "DeploymentLocked"), (second.Status, second.Error));
        Assert.Contains(first, second.ParsedCause()["message"]!.GetValue<string>(), StringComparison.Ordinal);
        // At most a refused conditional write of the lock: nothing else was written.
        Assert.Equal(after.Count("dynamodb", "PutItem") - before.Count("dynamodb", "PutItem"), WorkflowCloud.ResourceWrites(before, after));
        var firstResult = await cloud.Cloud.WaitForExecutionAsync(first, TimeSpan.FromMinutes(2));
        Assert.Equal("SUCCEEDED", firstResult.Status);
        await cloud.AssertOneLiveFleetAsync(sample);
    }

    [Fact]
    public async Task Execution_ProvisionCrashesAfterCreatingTheGroup_RetryReusesItNoSecondGroup()
    {
        var sample = await cloud.SeedSampleAsync(SwapDeploymentRunTests.ShortHealthTimeout);
        // Every attempt of the client's CreateAutoScalingGroup takes effect but its answer is lost:
        // the invocation fails Transient having created the group, and the state machine runs
        // ProvisionGreen again, which must find the group rather than create it once more.
        const int lostAnswers = 5;
        cloud.Cloud.Faults.LoseResponse("autoscaling", "CreateAutoScalingGroup", lostAnswers);
        var before = cloud.Cloud.Calls.Snapshot();

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var after = cloud.Cloud.Calls.Snapshot();
        Assert.Equal(lostAnswers, after.Count("autoscaling", "CreateAutoScalingGroup") - before.Count("autoscaling", "CreateAutoScalingGroup"));
        await cloud.AssertOneLiveFleetAsync(sample);
        var tagged = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string> { ["bluegreen:application"] = sample.Application });
        Assert.Single(tagged);
    }
}
