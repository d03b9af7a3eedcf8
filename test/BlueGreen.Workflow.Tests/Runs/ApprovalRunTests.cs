using BlueGreen.Functions.Approval;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Manual approval before the cutover: the real ASL waits on its task token until the
/// code behind <c>bluegreen approve</c> / <c>reject</c> answers, or the approval timeout passes.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class ApprovalRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_ApprovedByName_GreenIsLiveAndTheRequestReachedTheTopic()
    {
        var (topic, queue) = await cloud.TopicWithQueueAsync();
        var sample = await cloud.SeedSampleAsync(ApprovalSettings(timeoutSeconds: 3600, topic));
        var (name, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilAwaitingApprovalAsync(arn);
        var received = await cloud.ReceiveAsync(queue);
        // The topic also hears the deployment's announcements (STARTED so far), whose message is the event's detail.
        var request = Assert.Single(received, m => m["Message"]!.GetValue<string>().Contains("bluegreen approve", StringComparison.Ordinal));
        Assert.Contains(received, m => m["Subject"]!.GetValue<string>().StartsWith($"BlueGreen {sample.Application}: STARTED (", StringComparison.Ordinal));
        var token = (await cloud.Tokens().FindAsync(arn, CancellationToken.None))!.Token;

        var answered = await cloud.Desk().ApproveAsync(name, WorkflowCloud.StateMachine, "looks good");

        var result = await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.Equal(arn, answered);
        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.NotEqual(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var message = request["Message"]!.GetValue<string>();
        Assert.Contains(sample.Application, request["Subject"]!.GetValue<string>());
        Assert.Contains(sample.NewImageId, message);
        Assert.Contains($"bluegreen approve {arn}", message);
        Assert.Contains($"bluegreen reject {arn} --reason", message);
        Assert.DoesNotContain(token, message);
    }

    [Fact]
    public async Task Execution_Rejected_FailsApprovalRejectedRolledBackBlueLive()
    {
        var sample = await cloud.SeedSampleAsync(ApprovalSettings(timeoutSeconds: 3600, topic: null));
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilAwaitingApprovalAsync(arn);

        await cloud.Desk().RejectAsync(arn, WorkflowCloud.StateMachine, "error budget spent this week");

        var result = await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.Equal(("FAILED", "ApprovalRejected"), (result.Status, result.Error));
        var cause = result.ParsedCause();
        Assert.Contains("error budget spent this week", cause["message"]!.GetValue<string>());
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        await AssertGreenGoneAsync(sample);
    }

    [Fact]
    public async Task Execution_NobodyAnswers_FailsApprovalTimedOutRolledBack()
    {
        // 300 s × the local cloud's time scale 0.01: three seconds.
        var sample = await cloud.SeedSampleAsync(ApprovalSettings(timeoutSeconds: 300, topic: null));

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.Equal(("FAILED", "ApprovalTimedOut"), (result.Status, result.Error));
        var cause = result.ParsedCause();
        Assert.Contains("within 300 seconds", cause["message"]!.GetValue<string>());
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        await AssertGreenGoneAsync(sample);
    }

    [Fact]
    public async Task Approve_AnsweredTwice_SecondRefusedNotAwaitingApproval()
    {
        var sample = await cloud.SeedSampleAsync(ApprovalSettings(timeoutSeconds: 3600, topic: null));
        var (_, arn) = await cloud.StartAsync(AmiEvents.Available(sample.NewImageId));
        await cloud.WaitUntilAwaitingApprovalAsync(arn);
        await cloud.Desk().RejectAsync(arn, WorkflowCloud.StateMachine, "wrong image");

        var again = await Assert.ThrowsAsync<ApprovalRefused>(() => cloud.Desk().ApproveAsync(arn, WorkflowCloud.StateMachine, null));

        Assert.Equal(ApprovalRefused.NotAwaitingApproval, again.Name);
        Assert.Equal("FAILED", (await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3))).Status);
        var ended = await Assert.ThrowsAsync<ApprovalRefused>(() => cloud.Desk().ApproveAsync(arn, WorkflowCloud.StateMachine, null));
        Assert.Equal(ApprovalRefused.NotAwaitingApproval, ended.Name);
        Assert.Contains("FAILED", ended.Message);
    }

    [Fact]
    public async Task Approve_UnknownExecution_RefusedExecutionNotFound()
    {
        var error = await Assert.ThrowsAsync<ApprovalRefused>(() => cloud.Desk().ApproveAsync("no-such-execution", WorkflowCloud.StateMachine, null));

        Assert.Equal(ApprovalRefused.ExecutionNotFound, error.Name);
        Assert.Contains("no-such-execution", error.Message);
    }

    private async Task AssertGreenGoneAsync(SampleApplication sample)
    {
        var tagged = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string> { ["bluegreen:application"] = sample.Application });
        Assert.DoesNotContain(tagged, g => g.Name != sample.BlueGroup);
    }

    internal static Func<string, string, string, string, string> ApprovalSettings(int timeoutSeconds, string? topic) => (blue, targetGroup, _, _) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
          "health": { "timeoutSeconds": 60 },
          "approval": { "required": true, "timeoutSeconds": {{timeoutSeconds}} },
          {{(topic is null ? "" : $"\"notificationTopicArn\": \"{topic}\",")}}
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
        """;
}
