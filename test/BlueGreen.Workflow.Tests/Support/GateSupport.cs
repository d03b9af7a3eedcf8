using System.Text.Json.Nodes;
using System.Xml.Linq;
using BlueGreen.Functions.Approval;
using BlueGreen.Functions.Locking;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>What the gate tests share: executions started without waiting for their end, the
/// approval desk the CLI uses, an SNS topic read through an SQS queue, CloudWatch alarms.</summary>
internal static class GateSupport
{
    private const string SnsVersion = "2010-03-31";
    private const string SqsVersion = "2012-11-05";

    /// <summary>What <c>bluegreen approve</c> / <c>reject</c> run, against this cloud.</summary>
    public static ApprovalDesk Desk(this WorkflowCloud cloud) =>
        new(cloud.Aws.StepFunctions, cloud.Tokens(), TimeProvider.System);

    public static ApprovalTokens Tokens(this WorkflowCloud cloud) => new(cloud.Aws.DynamoDb, cloud.LockTable);

    /// <returns>The execution's name and ARN.</returns>
    public static async Task<(string Name, string Arn)> StartAsync(this WorkflowCloud cloud, string input)
    {
        var name = "gate-" + Guid.NewGuid().ToString("N")[..12];
        return (name, await cloud.Aws.StepFunctions.StartExecutionAsync(cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine), name, input));
    }

    /// <summary>Waits until the execution's token is on its lock item, as the CLI would find it.</summary>
    public static async Task WaitUntilAwaitingApprovalAsync(this WorkflowCloud cloud, string executionArn)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await cloud.Tokens().FindAsync(executionArn, deadline.Token) is null)
        {
            var status = (await cloud.Aws.StepFunctions.DescribeExecutionAsync(executionArn, deadline.Token)).Status;
            Assert.True(status == Aws.StepFunctions.ExecutionStatus.Running, $"{executionArn} ended {status} before asking for approval");
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Waits until the execution has entered <paramref name="state"/>.</summary>
    public static async Task WaitUntilEnteredAsync(this WorkflowCloud cloud, string executionArn, string state)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!(await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(executionArn, deadline.Token)).Any(e => e.StateName == state && e.Type.EndsWith("StateEntered", StringComparison.Ordinal)))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>How many times the execution entered <paramref name="state"/>.</summary>
    public static async Task<int> EnteredCountAsync(this WorkflowCloud cloud, string executionArn, string state) =>
        (await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(executionArn)).Count(e => e.StateName == state && e.Type.EndsWith("StateEntered", StringComparison.Ordinal));

    /// <returns>The topic's ARN and the URL of a queue subscribed to it.</returns>
    public static async Task<(string TopicArn, string QueueUrl)> TopicWithQueueAsync(this WorkflowCloud cloud)
    {
        var name = "approvals-" + Guid.NewGuid().ToString("N")[..8];
        var topic = Value(await cloud.Cloud.Raw.QueryAsync("sns", "CreateTopic", SnsVersion, [new("Name", name)]), "TopicArn");
        var queueUrl = Value(await cloud.Cloud.Raw.QueryAsync("sqs", "CreateQueue", SqsVersion, [new("QueueName", name)]), "QueueUrl");
        await cloud.Cloud.Raw.QueryAsync("sns", "Subscribe", SnsVersion,
            [new("TopicArn", topic), new("Protocol", "sqs"), new("Endpoint", $"arn:aws:sqs:us-east-1:123456789012:{name}")]);
        return (topic, queueUrl);
    }

    /// <summary>The SNS envelopes (Subject, Message…) in the queue, waiting up to 20 s for the first:
    /// the function stores the token before it publishes, so the request may still be on its way.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ReceiveAsync(this WorkflowCloud cloud, string queueUrl)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var received = await cloud.Cloud.Raw.QueryAsync("sqs", "ReceiveMessage", SqsVersion, [new("QueueUrl", queueUrl), new("MaxNumberOfMessages", "10")]);
            var messages = received.Descendants().Where(e => e.Name.LocalName == "Body").Select(b => JsonNode.Parse(b.Value)!.AsObject()).ToList();
            if (messages.Count > 0 || DateTimeOffset.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    private static string Value(XDocument document, string name) =>
        document.Descendants().Single(e => e.Name.LocalName == name).Value;
}
