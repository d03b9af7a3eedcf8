using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// Each function's policy in serverless.template allows every AWS call that function really made:
/// deployments run in the local cloud, which records which function made each call, and every
/// recorded call must be an action of that function's own policy.
/// </summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class IamPolicyCoverageTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Policies_EveryCallEachFunctionMade_IsAllowedByItsOwnPolicy()
    {
        cloud.Cloud.Calls.Reset();
        var sample = await CodeDeployRunTests.SeedWithCodeDeployAsync(cloud);
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync(AmiEvents.Available(sample.NewImageId))).Status);
        var failing = await CodeDeployRunTests.SeedWithCodeDeployAsync(cloud);
        cloud.Cloud.Faults.FailNextCodeDeployDeployment();
        Assert.Equal("CodeDeployFailed", (await cloud.RunAsync(AmiEvents.Available(failing.NewImageId))).Error);
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync($$"""{ "application": "{{failing.Application}}", "imageId": "{{failing.NewImageId}}", "dryRun": true }""")).Status);
        Assert.Equal("InvalidRequest", (await cloud.RunAsync("""{ "application": "Shop" }""")).Error);
        await RunApprovedWithAlarmsAsync();
        await RunStoppedAndCleanedUpAsync();

        var observed = cloud.Cloud.Calls.CallsByFunction();

        // Every function that calls AWS ran (the other three only put failures or plans in words).
        Assert.Equal(PolicyAssertions.AllowedActions.Keys.Except(["PlanDeploymentFunction", "ExplainFailureFunction", "DescribeRollbackFailureFunction"]).Order(), observed.Keys.Order());
        cloud.AssertEveryCallAllowedByItsPolicy();
        // And every call strict wire mode saw any function make in this collection so far (other
        // strategies, image events, announcements); the fixture checks the rest when it ends.
        Assert.Empty(PolicyAssertions.NotAllowed(PolicyAssertions.CheckedActions(cloud.Cloud.Wire.Snapshot())));
    }

    /// <summary>A deployment through the gates: approval requested on a topic and approved, alarms watched after cutover.</summary>
    private async Task RunApprovedWithAlarmsAsync()
    {
        var (topic, _) = await cloud.TopicWithQueueAsync();
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch);
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": 60, "alarmNames": ["{{alarm}}"] },
              "approval": { "required": true, "timeoutSeconds": 3600 }, "notificationTopicArn": "{{topic}}",
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 1, "drainSeconds": 1 } }
            """);
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilAwaitingApprovalAsync(arn);
        await cloud.Desk().ApproveAsync(arn, WorkflowCloud.StateMachine, null);
        Assert.Equal("SUCCEEDED", (await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3))).Status);
    }

    /// <summary>A deployment stopped while awaiting approval, and the cleanup the status-change rule starts.</summary>
    private async Task RunStoppedAndCleanedUpAsync()
    {
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "approval": { "required": true, "timeoutSeconds": 3600 } }
            """);
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilAwaitingApprovalAsync(arn);
        await cloud.Aws.StepFunctions.StopExecutionAsync(arn, "DeploymentAborted", "policy coverage");
        Assert.Equal("CleanedUp", (await cloud.WaitForCleanupAsync(arn)).CleanupOutput()["outcome"]!.GetValue<string>());
    }
}
