using System.Text.Json.Nodes;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.StepFunctions;

[Collection(MotoCollection.Name)]
public sealed class StepFunctionsClientTests(MotoFixture moto)
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/bluegreen-states";

    private const string PassDefinition = """
        { "StartAt": "DescribeLive", "States": { "DescribeLive": { "Type": "Pass", "Result": { "live": "shop-blue" }, "End": true } } }
        """;

    private const string WaitDefinition = """
        { "StartAt": "WaitBeforeRetiringBlue", "States": { "WaitBeforeRetiringBlue": { "Type": "Wait", "Seconds": 60, "End": true } } }
        """;

    private readonly IStepFunctions _sfn = moto.Clients.StepFunctions;

    [Fact]
    public async Task CreateStateMachine_Standard_IsDescribedAndListed()
    {
        // Arrange
        var name = Unique.Name("sm");

        // Act
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(name, PassDefinition, RoleArn, Tags: new Dictionary<string, string> { ["app"] = "shop" }));
        var described = await _sfn.DescribeStateMachineAsync(arn);
        var listed = await _sfn.ListStateMachinesAsync();

        // Assert
        Assert.Equal((name, RoleArn, "STANDARD"), (described.Name, described.RoleArn, described.Type));
        Assert.Equal(JsonNode.Parse(PassDefinition)!.ToJsonString(), JsonNode.Parse(described.Definition)!.ToJsonString());
        Assert.NotNull(described.CreatedAt);
        Assert.Contains(listed, m => m.Arn == arn && m.Name == name);
    }

    [Fact]
    public async Task UpdateStateMachine_NewDefinition_IsDescribed()
    {
        // Arrange
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(Unique.Name("sm"), PassDefinition, RoleArn));

        // Act
        await _sfn.UpdateStateMachineAsync(arn, definition: WaitDefinition);

        // Assert
        var described = await _sfn.DescribeStateMachineAsync(arn);
        Assert.Contains("WaitBeforeRetiringBlue", described.Definition);
        Assert.Equal(RoleArn, described.RoleArn);
    }

    [Fact]
    public async Task StartExecution_PassMachine_SucceedsWithOutputAndHistory()
    {
        // Arrange
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(Unique.Name("sm"), PassDefinition, RoleArn));

        // Act
        var executionArn = await _sfn.StartExecutionAsync(arn, "deploy-1", """{"application":"shop"}""");
        var execution = await WaitWhileRunningAsync(executionArn);
        var history = await _sfn.GetExecutionHistoryAsync(executionArn);

        // Assert
        Assert.Equal((ExecutionStatus.Succeeded, "deploy-1", arn), (execution.Status, execution.Name, execution.StateMachineArn));
        Assert.Equal("""{"application":"shop"}""", JsonNode.Parse(execution.Input!)!.ToJsonString());
        Assert.Equal("shop-blue", JsonNode.Parse(execution.Output!)!["live"]!.GetValue<string>());
        Assert.Equal("ExecutionStarted", history[0].Type);
        Assert.Equal("ExecutionSucceeded", history[^1].Type);
        Assert.Contains(history, e => e.Type == "PassStateEntered" && e.StateName == "DescribeLive");
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.True(pair.First.Id < pair.Second.Id));
    }

    [Fact]
    public async Task StartExecution_NameAlreadyUsed_ThrowsAlreadyExists()
    {
        // Arrange
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(Unique.Name("sm"), WaitDefinition, RoleArn));
        await _sfn.StartExecutionAsync(arn, "same-name", "{}");

        // Act
        var error = await Assert.ThrowsAsync<AwsAlreadyExistsException>(() => _sfn.StartExecutionAsync(arn, "same-name", """{"other":1}"""));

        // Assert
        Assert.Equal(("StepFunctions", "StartExecution", "ExecutionAlreadyExists"), (error.Service, error.Operation, error.Code));
    }

    [Fact]
    public async Task StopExecution_WaitingExecution_IsAbortedWithCause()
    {
        // Arrange
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(Unique.Name("sm"), WaitDefinition, RoleArn));
        var executionArn = await _sfn.StartExecutionAsync(arn, "stop-me", "{}");

        // Act
        await _sfn.StopExecutionAsync(executionArn, "RollbackRequested", "operator stopped it");
        var execution = await _sfn.DescribeExecutionAsync(executionArn);

        // Assert
        Assert.Equal(ExecutionStatus.Aborted, execution.Status);
        Assert.NotNull(execution.StoppedAt);
    }

    [Fact]
    public async Task SendTaskSuccess_WaitingApproval_ExecutionSucceedsWithTheOutput()
    {
        // Arrange
        var (executionArn, token) = await StartApprovalAsync();

        // Act
        await _sfn.SendTaskSuccessAsync(token, """{"approvedBy":"sre"}""");
        var execution = await WaitWhileRunningAsync(executionArn);

        // Assert
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("sre", JsonNode.Parse(execution.Output!)!["approvedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskFailure_WaitingApproval_ExecutionFailsWithErrorAndCause()
    {
        // Arrange
        var (executionArn, token) = await StartApprovalAsync();

        // Act
        await _sfn.SendTaskFailureAsync(token, "ApprovalRejected", "not during the sale");
        var execution = await WaitWhileRunningAsync(executionArn);

        // Assert
        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal(("ApprovalRejected", "not during the sale"), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task DescribeExecution_Missing_ThrowsNotFound()
    {
        // Arrange
        var missing = "arn:aws:states:us-east-1:123456789012:execution:nothing:missing";

        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => _sfn.DescribeExecutionAsync(missing));

        // Assert
        Assert.Equal(("DescribeExecution", "ExecutionDoesNotExist"), (error.Operation, error.Code));
    }

    /// <summary>An execution parked on a task token (sent to an SQS queue, read back from the history).</summary>
    [Fact]
    public async Task ListExecutionsPage_ThreeExecutionsPagesOfTwo_NewestFirstThenTheRestThenNoToken()
    {
        // Arrange
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(Unique.Name("sm"), PassDefinition, RoleArn));
        var started = new List<string>();
        foreach (var name in new[] { "first", "second", "third" })
        {
            started.Add(await _sfn.StartExecutionAsync(arn, name, "{}"));
        }

        // Act
        var page = await _sfn.ListExecutionsPageAsync(arn, 2, null);
        var rest = await _sfn.ListExecutionsPageAsync(arn, 2, page.NextToken);

        // Assert
        Assert.NotNull(page.NextToken);
        Assert.Null(rest.NextToken);
        Assert.Equal(started.Order(), page.Executions.Concat(rest.Executions).Select(e => e.Arn).Order());
        Assert.Equal(2, page.Executions.Count);
        Assert.True(page.Executions[0].StartedAt >= page.Executions[1].StartedAt && page.Executions[1].StartedAt >= rest.Executions[0].StartedAt);
    }

    private async Task<(string ExecutionArn, string Token)> StartApprovalAsync()
    {
        var queue = await moto.Raw.QueryAsync("sqs", "CreateQueue", "2012-11-05", ("QueueName", Unique.Name("approvals")));
        var queueUrl = queue.Descendants().First(e => e.Name.LocalName == "QueueUrl").Value;
        var definition = new JsonObject
        {
            ["StartAt"] = "AwaitApproval",
            ["States"] = new JsonObject
            {
                ["AwaitApproval"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    ["Parameters"] = new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody.$"] = "$$.Task.Token" },
                    ["End"] = true,
                },
            },
        };
        var arn = await _sfn.CreateStateMachineAsync(new NewStateMachine(Unique.Name("sm"), definition.ToJsonString(), RoleArn));
        var executionArn = await _sfn.StartExecutionAsync(arn, "approve", "{}");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var scheduled = (await _sfn.GetExecutionHistoryAsync(executionArn)).FirstOrDefault(e => e.Type == "TaskScheduled");
            if (scheduled?.Details is { } details)
            {
                var parameters = JsonNode.Parse(JsonNode.Parse(details)!["parameters"]!.GetValue<string>())!;
                return (executionArn, parameters["MessageBody"]!.GetValue<string>());
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the approval task was never scheduled");
    }

    private async Task<Execution> WaitWhileRunningAsync(string executionArn)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var execution = await _sfn.DescribeExecutionAsync(executionArn);
            if (execution.Status != ExecutionStatus.Running)
            {
                return execution;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{executionArn} still running");
    }
}
