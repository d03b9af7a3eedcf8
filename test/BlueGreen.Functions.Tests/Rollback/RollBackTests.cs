using System.Text.Json.Nodes;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Local;

namespace BlueGreen.Functions.Tests.Rollback;

[Collection(FunctionsCloudCollection.Name)]
public sealed class RollBackTests(FunctionsCloud cloud)
{
    private const string LambdaCause = """{"errorType":"GreenUnhealthy","errorMessage":"2 of 2 green instances unhealthy in target group web"}""";

    private readonly RollBack _handler = new(cloud.Services);

    [Fact]
    public async Task HandleAsync_HalfDoneSwap_BlueServesGreenGoneLockFree()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = await RollbackSeeding.HalfSwapAsync(cloud, fleets) with { Failure = new StepFailure("GreenUnhealthy", LambdaCause) };

        var outcome = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        var blue = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.BlueGroup])).Single();
        Assert.Contains(fleets.Sample.TargetGroupArn, blue.TargetGroupArns);
        var health = await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(fleets.Sample.TargetGroupArn);
        Assert.Equal(blue.Instances.Select(i => i.InstanceId).Order(), health.Select(h => h.TargetId).Order());
        Assert.All(health, h => Assert.Equal("healthy", h.State));
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.GreenGroup]));
        Assert.Null(await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
        Assert.Equal("GreenUnhealthy", outcome.Error);
        var cause = JsonNode.Parse(outcome.Cause)!.AsObject();
        Assert.Equal(["message", "rolledBack", "liveGroup", "details"], cause.Select(p => p.Key).ToArray());
        Assert.Equal("2 of 2 green instances unhealthy in target group web", cause["message"]!.GetValue<string>());
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(fleets.BlueGroup, cause["liveGroup"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_RunTwice_SecondWritesNothingAndSaysTheSame()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = await RollbackSeeding.HalfSwapAsync(cloud, fleets) with { Failure = new StepFailure("AlarmFired", "alarm web-5xx in ALARM") };

        var first = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);
        var before = cloud.Cloud.Calls.Snapshot();
        var second = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);
        var after = cloud.Cloud.Calls.Snapshot();

        Assert.Equal(first, second);
        // Only the lock's conditional delete is sent again (refused: nobody holds it now).
        Assert.Equal(before.Mutating + 1, after.Mutating);
        Assert.Equal(before.Count("dynamodb", "DeleteItem") + 1, after.Count("dynamodb", "DeleteItem"));
        Assert.Equal("alarm web-5xx in ALARM", JsonNode.Parse(second.Cause)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_DeploymentLocked_KeepsTheOtherHoldersLock()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withGreen: false);
        const string other = "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:the-other-one";
        await RollbackSeeding.PutLockAsync(cloud, fleets.Application, other);
        var state = new WorkflowState
        {
            Deployment = fleets.State.Deployment,
            Failure = new StepFailure("DeploymentLocked", """{"errorType":"DeploymentLocked","errorMessage":"the-other-one is deploying"}"""),
        };

        var outcome = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        Assert.Equal(other, await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
        Assert.Equal("DeploymentLocked", outcome.Error);
        Assert.Equal(fleets.BlueGroup, JsonNode.Parse(outcome.Cause)!["liveGroup"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_FailedAtDescribeLive_ReleasesTheLock()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withGreen: false);
        var state = FailedAtDescribeLive(fleets);

        var outcome = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        Assert.Null(await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
        Assert.True(JsonNode.Parse(outcome.Cause)!["rolledBack"]!.GetValue<bool>());
    }

    [Fact]
    public async Task HandleAsync_LockTableThrottled_TransientForTheStateMachineToRetry()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withGreen: false);
        var state = FailedAtDescribeLive(fleets);
        cloud.Cloud.Faults.Throttle("dynamodb", "DeleteItem", times: 20);
        try
        {
            var error = await Assert.ThrowsAsync<Transient>(() => HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome));

            Assert.Contains("DynamoDB DeleteItem", error.Message);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        // Once the table answers again, the retried step releases the lock it still holds.
        Assert.Equal(fleets.Holder, await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);
        Assert.Null(await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
    }

    [Fact]
    public async Task HandleAsync_AfterAFailedCheck_WritesTheRollbackMetrics()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var execution = await FailedCheckExecutions.StartAsync(cloud);
        var half = await RollbackSeeding.HalfSwapAsync(cloud, fleets);
        var state = half with { Deployment = half.Deployment with { ExecutionArn = execution }, Failure = new StepFailure("GreenUnhealthy", LambdaCause) };

        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        var document = Assert.Single(EmfShape.Records(cloud.Log.ToString(), state.Deployment.DeploymentId));
        Assert.Equal(["Deployments", "DeploymentDuration", "Rollbacks", "TrafficRestoreTime"], EmfShape.Assert(document).Select(m => m.Name).ToArray());
        Assert.Equal("BlueGreen", document["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>());
        Assert.Equal(fleets.Application, document["Application"]!.GetValue<string>());
        Assert.Equal("RolledBack", document["Outcome"]!.GetValue<string>());
        Assert.Equal(1, document["Rollbacks"]!.GetValue<double>());
        // From the task failure in the execution's history to the handler's traffic write, on one machine.
        Assert.InRange(document["TrafficRestoreTime"]!.GetValue<double>(), 0.001, 120);
    }

    [Fact]
    public async Task HandleAsync_NoExecutionHistory_StillCountsTheRollbackWithoutRestoreTime()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = await RollbackSeeding.HalfSwapAsync(cloud, fleets) with { Failure = new StepFailure("AlarmFired", "alarm") };

        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        var document = Assert.Single(EmfShape.Records(cloud.Log.ToString(), state.Deployment.DeploymentId));
        Assert.Equal(["Deployments", "DeploymentDuration", "Rollbacks"], EmfShape.Assert(document).Select(m => m.Name).ToArray());
    }

    [Fact]
    public async Task HandleAsync_HalfDoneSwap_FirstWriteAttachesBlue()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = await RollbackSeeding.HalfSwapAsync(cloud, fleets) with { Failure = new StepFailure("AlarmFired", "alarm") };
        var recorder = new RollbackCallRecorder();
        using var aws = RecordingClients(recorder);
        var handler = new RollBack(new FunctionServices(aws, TimeProvider.System, cloud.Log, cloud.Services.Settings));

        await HandlerCalls.InvokeAsync(handler, state, FunctionJsonContext.Default.RollbackOutcome);

        var writes = recorder.Operations.Where(o => !o.StartsWith("Describe", StringComparison.Ordinal) && !o.StartsWith("Get", StringComparison.Ordinal) && !o.StartsWith("List", StringComparison.Ordinal)).ToList();
        // The ROLLED_BACK announcement comes last, once everything is back.
        Assert.Equal(["AttachLoadBalancerTargetGroups", "DetachLoadBalancerTargetGroups", "CreateOrUpdateTags", "DeleteAutoScalingGroup", "DeleteLaunchTemplate", "DeleteItem", "PutEvents"], writes);
    }

    [Fact]
    public async Task HandleAsync_PromotedAndCodeDeployRunning_ColorsBackAndDeploymentStopped()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud, withCodeDeploy: true);
        var run = await HandlerCalls.InvokeAsync(new DeployRevision(cloud.Services), fleets.State, FunctionJsonContext.Default.CodeDeployRun);
        var color = fleets.State.Deployment.Settings.ColorTag;
        // PromoteGreen's swap of colors, with green attached and blue detached.
        await cloud.Aws.AutoScaling.CreateOrUpdateTagsAsync(fleets.GreenGroup, [new Aws.AutoScaling.GroupTag(color.Key, color.Blue)]);
        await cloud.Aws.AutoScaling.CreateOrUpdateTagsAsync(fleets.BlueGroup, [new Aws.AutoScaling.GroupTag(color.Key, "retired")]);
        var state = await RollbackSeeding.HalfSwapAsync(cloud, fleets with { State = fleets.State with { CodeDeploy = run } })
            with { Failure = new StepFailure("AlarmFired", "alarm") };

        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        var blue = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.BlueGroup])).Single();
        Assert.Equal(color.Blue, blue.Tags.Single(t => t.Key == color.Key).Value);
        Assert.Equal(Aws.CodeDeploy.DeploymentStatus.Stopped, (await cloud.Aws.CodeDeploy.GetDeploymentAsync(run.DeploymentId)).Status);
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.GreenGroup]));
    }

    [Fact]
    public async Task HandleAsync_GreenHasItsOwnTemplate_DeletesItAndLeavesBluesAlone()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var names = fleets.State.Deployment.Names;
        Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([names.LaunchTemplate]));
        var state = fleets.State with { Failure = new StepFailure("GreenLaunchFailed", "no capacity") };

        await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        Assert.Empty(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([names.LaunchTemplate]));
        Assert.NotEmpty(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([fleets.Sample.Application + "-web"]));
    }

    [Fact]
    public async Task HandleAsync_DeleteAnswersLost_RetriedDeletesFindThemGoneAndRollbackCompletes()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var names = fleets.State.Deployment.Names;
        Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([names.LaunchTemplate]));
        var state = fleets.State with { Failure = new StepFailure("GreenUnhealthy", "green unhealthy") };
        // Both deletes take effect, then answer 500: the clients' retries find nothing left to delete.
        cloud.Cloud.Faults.LoseResponse("autoscaling", "DeleteAutoScalingGroup", 1);
        cloud.Cloud.Faults.LoseResponse("ec2", "DeleteLaunchTemplate", 1);

        var outcome = await HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome);

        Assert.Equal("GreenUnhealthy", outcome.Error);
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.GreenGroup]));
        Assert.Empty(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([names.LaunchTemplate]));
        Assert.Null(await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
        Assert.Empty(cloud.Cloud.Faults.Snapshot().Operations);
    }

    [Fact]
    public async Task HandleAsync_BlueGone_FailsAndLeavesGreenServingAndLockHeld()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        await cloud.Aws.AutoScaling.AttachLoadBalancerTargetGroupsAsync(fleets.GreenGroup, [fleets.Sample.TargetGroupArn]);
        await cloud.Aws.AutoScaling.DeleteAutoScalingGroupAsync(fleets.BlueGroup);
        var state = fleets.State with { Failure = new StepFailure("Transient", "ReleaseLock throttled") };

        var error = await Assert.ThrowsAsync<UnexpectedError>(() => HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.RollbackOutcome));

        Assert.Equal("InvalidOperationException", error.Details!["type"]!.GetValue<string>());

        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([fleets.GreenGroup]));
        Assert.Equal(fleets.Holder, await RollbackSeeding.LockHolderAsync(cloud, fleets.Application));
    }

    /// <summary>A deployment that failed at DescribeLive: the lock held, no live fleet read, no green.</summary>
    private static WorkflowState FailedAtDescribeLive(RollbackFleets fleets) => new()
    {
        Deployment = fleets.State.Deployment,
        Lock = fleets.State.Lock,
        Failure = new StepFailure("LiveGroupNotFound", "no live group"),
    };

    private AwsClients RecordingClients(RollbackCallRecorder recorder) => new(
        new AwsSettings
        {
            Region = Amazon.RegionEndpoint.USEast1,
            Credentials = new BasicAWSCredentials(LocalCredentials.AccessKeyId, LocalCredentials.SecretAccessKey),
            Endpoint = cloud.Cloud.Endpoint,
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        },
        recorder);
}
