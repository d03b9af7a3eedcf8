using System.Text.Json;
using System.Xml.Linq;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Approval;

[Collection(FunctionsCloudCollection.Name)]
public sealed class AwaitApprovalTests(FunctionsCloud cloud)
{
    private readonly AwaitApproval _handler = new(cloud.Services);
    private readonly LockStates _states = new(cloud);

    [Fact]
    public async Task HandleAsync_LockHeld_StoresTheTokenWithTheLockAndPublishesNothing()
    {
        var state = await LockedAsync();
        var before = cloud.Cloud.Calls.Snapshot();

        var requested = await RequestAsync(state, "token-1");

        var after = cloud.Cloud.Calls.Snapshot();
        Assert.Null(requested.MessageId);
        Assert.Equal(new PendingApproval(state.Deployment.Application, "token-1"), await Tokens().FindAsync(state.Deployment.ExecutionArn, CancellationToken.None));
        Assert.Equal(state.Deployment.ExecutionArn, (await _states.LockItemAsync(state.Deployment.Application))!["holder"]);
        Assert.Equal(1, after.Mutating - before.Mutating);
        Assert.DoesNotContain("token-1", cloud.Log.ToString());
    }

    [Fact]
    public async Task HandleAsync_RetriedWithANewToken_KeepsOnlyTheNewOne()
    {
        var state = await LockedAsync();

        await RequestAsync(state, "token-1");
        await RequestAsync(state, "token-2");

        Assert.Equal("token-2", (await Tokens().FindAsync(state.Deployment.ExecutionArn, CancellationToken.None))!.Token);
    }

    [Fact]
    public async Task HandleAsync_LockHeldByAnotherExecution_FailsAndStoresNothing()
    {
        var state = await _states.NewApplicationAsync(LockStates.UnstartedExecutionArn());
        var other = LockStates.UnstartedExecutionArn();
        await _states.PutLockAsync(state.Deployment.Application, other, DateTimeOffset.UtcNow);

        var error = await Assert.ThrowsAsync<UnexpectedError>(() => RequestAsync(state, "token-1"));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("no longer holds the deployment lock", error.Message);
        Assert.DoesNotContain(ApprovalTokens.TokenAttribute, (await _states.LockItemAsync(state.Deployment.Application))!.Keys);
    }

    [Fact]
    public async Task HandleAsync_TopicSet_PublishesWhatWouldGoLiveAndTheCommandsButNotTheToken()
    {
        var (topic, queueUrl) = await TopicWithQueueAsync();
        var state = await LockedAsync(topic);

        var requested = await RequestAsync(state, "secret-token-value");

        Assert.NotNull(requested.MessageId);
        var received = await cloud.Cloud.Raw.QueryAsync("sqs", "ReceiveMessage", "2012-11-05", [new("QueueUrl", queueUrl)]);
        var body = Assert.Single(received.Descendants(), e => e.Name.LocalName == "Body").Value;
        Assert.Contains(requested.MessageId, body);
        Assert.Contains(state.Deployment.ImageId, body);
        Assert.Contains(state.Deployment.Names.GreenGroup, body);
        Assert.Contains($"bluegreen approve {state.Deployment.ExecutionArn}", body);
        Assert.Contains($"bluegreen reject {state.Deployment.ExecutionArn} --reason", body);
        Assert.DoesNotContain("secret-token-value", body);
        Assert.DoesNotContain("secret-token-value", cloud.Log.ToString());
    }

    [Theory]
    [InlineData("sam-app", " --stack sam-app")]
    [InlineData("bluegreen", "")]
    [InlineData(null, "")]
    public async Task ApprovalMessage_StackName_CommandsNameTheStackUnlessItIsTheDefault(string? stackName, string stackArguments)
    {
        var state = await LockedAsync();

        var message = BlueGreen.Functions.Approval.ApprovalMessage.For(state, DateTimeOffset.UnixEpoch, stackName);

        Assert.Contains($"bluegreen approve {state.Deployment.ExecutionArn}{stackArguments} --comment", message.Body);
        Assert.Contains($"bluegreen reject {state.Deployment.ExecutionArn}{stackArguments} --reason", message.Body);
    }

    private ApprovalTokens Tokens() => new(cloud.Aws.DynamoDb, cloud.Services.Settings.RequireLockTable());

    /// <summary>A new application whose lock this (unstarted) execution holds, as after AcquireLock.</summary>
    private async Task<WorkflowState> LockedAsync(string? topic = null)
    {
        var state = await _states.NewApplicationAsync(LockStates.UnstartedExecutionArn());
        if (topic is not null)
        {
            var application = state.Deployment.Application;
            await cloud.PutSettingsAsync(application, $$"""
                { "liveGroup": "{{application}}-blue", "strategy": "swap",
                  "targetGroupArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{{application}}/0123456789abcdef"],
                  "approval": { "required": true, "timeoutSeconds": 600 }, "notificationTopicArn": "{{topic}}" }
                """);
            state = await _states.NormalizedAsync(application, state.Deployment.ImageId, state.Deployment.ExecutionArn);
        }

        await _states.PutLockAsync(state.Deployment.Application, state.Deployment.ExecutionArn, DateTimeOffset.UtcNow);
        return state;
    }

    private async Task<ApprovalRequested> RequestAsync(WorkflowState state, string token)
    {
        var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new ApprovalRequestInput(state, token), FunctionJsonContext.Default.ApprovalRequestInput));
        await using var response = await _handler.HandleAsync(input);
        return (await JsonSerializer.DeserializeAsync(response, FunctionJsonContext.Default.ApprovalRequested))!;
    }

    private async Task<(string TopicArn, string QueueUrl)> TopicWithQueueAsync()
    {
        var name = "approvals-" + Guid.NewGuid().ToString("N")[..8];
        var topic = Value(await cloud.Cloud.Raw.QueryAsync("sns", "CreateTopic", "2010-03-31", [new("Name", name)]), "TopicArn");
        var queueUrl = Value(await cloud.Cloud.Raw.QueryAsync("sqs", "CreateQueue", "2012-11-05", [new("QueueName", name)]), "QueueUrl");
        await cloud.Cloud.Raw.QueryAsync("sns", "Subscribe", "2010-03-31",
            [new("TopicArn", topic), new("Protocol", "sqs"), new("Endpoint", $"arn:aws:sqs:us-east-1:123456789012:{name}")]);
        return (topic, queueUrl);
    }

    private static string Value(XDocument document, string name) =>
        document.Descendants().Single(e => e.Name.LocalName == name).Value;
}
