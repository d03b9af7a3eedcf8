using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.StepFunctions;

/// <summary>Our Step Functions parsers against JSON 1.0 generated from botocore's output shapes:
/// every member present (pages joined by nextToken), or only what the model requires.</summary>
public sealed class StepFunctionsResponseTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:bluegreen";

    [Fact]
    public async Task StartAndCreate_EveryMember_ReadTheArns()
    {
        var documents = await WireDocuments.GenerateAsync(WireAsk.Full("stepfunctions", "StartExecution"), WireAsk.Full("stepfunctions", "CreateStateMachine"), WireAsk.Full("stepfunctions", "UpdateStateMachine"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        Assert.Equal(documents[0].Text("executionArn"), await clients.StepFunctions.StartExecutionAsync(StateMachineArn, "run", "{}"));
        Assert.Equal(documents[1].Text("stateMachineArn"), await clients.StepFunctions.CreateStateMachineAsync(new NewStateMachine("bluegreen", "{}", "arn:aws:iam::123456789012:role/r")));
        await clients.StepFunctions.UpdateStateMachineAsync(StateMachineArn, "{}");
    }

    [Fact]
    public async Task DescribeExecution_EveryMemberOrRequiredOnly_ReadsEach()
    {
        var documents = await WireDocuments.GenerateAsync(
            new WireAsk("stepfunctions", "DescribeExecution", Set: new Dictionary<string, JsonNode?> { ["status"] = "PENDING_REDRIVE" }),
            WireAsk.Sparse("stepfunctions", "DescribeExecution"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.StepFunctions.DescribeExecutionAsync("arn");
        var sparse = await clients.StepFunctions.DescribeExecutionAsync("arn");

        var doc = documents[0];
        Assert.Equal(
            new Execution(doc.Text("executionArn"), doc.Text("stateMachineArn"), doc.Text("name"), ExecutionStatus.PendingRedrive, doc.Time("startDate"), doc.Time("stopDate"),
                doc.Text("input"), doc.Text("output"), doc.Text("error"), doc.Text("cause")),
            full);
        Assert.Equal(("", null, null, null, null, null), (sparse.Name, sparse.StoppedAt, sparse.Input, sparse.Output, sparse.Error, sparse.Cause));
    }

    [Fact]
    public async Task GetExecutionHistory_EveryDetailsMemberPresent_ReadsTheOneItsTypeNames()
    {
        // The model allows every "…EventDetails" member on an event; the state's name is in stateEnteredEventDetails.
        var pages = await WireDocuments.GenerateAsync(
            new WireAsk("stepfunctions", "GetExecutionHistory", Set: new Dictionary<string, JsonNode?> { ["events.0.type"] = "TaskStateEntered", ["events.1.type"] = "ExecutionFailed" }),
            WireAsk.Sparse("stepfunctions", "GetExecutionHistory") with { Set = new Dictionary<string, JsonNode?> { ["events.0.type"] = "TaskStateExited" } });
        var (clients, requests) = WireDocuments.Answering(pages);
        using var _ = clients;

        var events = await clients.StepFunctions.GetExecutionHistoryAsync("arn");

        Assert.Equal(4, events.Count);
        Assert.Contains(pages[0].Text("nextToken"), requests.Requests[1].Body);
        var doc = pages[0];
        Assert.Equal((long)doc["events.0.id"]!, events[0].Id);
        Assert.Equal((long)doc["events.0.previousEventId"]!, events[0].PreviousEventId);
        Assert.Equal(doc.Time("events.0.timestamp"), events[0].Timestamp);
        Assert.Equal(doc.Text("events.0.stateEnteredEventDetails.name"), events[0].StateName);
        Assert.Equal(doc.Text("events.1.executionFailedEventDetails.error"), JsonNode.Parse(events[1].Details!)!["error"]!.GetValue<string>());
        Assert.Null(events[1].StateName);
        Assert.Equal(("TaskStateExited", null, null, null), (events[2].Type, events[2].PreviousEventId, events[2].StateName, events[2].Details));
    }

    [Fact]
    public async Task ListExecutionsAndStateMachines_EveryMemberOrRequiredOnly_ReadEach()
    {
        var documents = await WireDocuments.GenerateAsync(
            new WireAsk("stepfunctions", "ListExecutions", LastPage: true, Set: new Dictionary<string, JsonNode?> { ["executions.0.status"] = "ABORTED", ["executions.1.status"] = "TIMED_OUT" }),
            WireAsk.Full("stepfunctions", "ListStateMachines", lastPage: false),
            WireAsk.Sparse("stepfunctions", "ListStateMachines", "stateMachines"));
        var (clients, requests) = WireDocuments.Answering(documents);
        using var _ = clients;

        var executions = await clients.StepFunctions.ListExecutionsAsync(StateMachineArn, 10);
        var machines = await clients.StepFunctions.ListStateMachinesAsync();

        var doc = documents[0];
        Assert.Equal(new ExecutionSummary(doc.Text("executions.1.executionArn"), doc.Text("executions.1.name"), ExecutionStatus.TimedOut, doc.Time("executions.1.startDate"), doc.Time("executions.1.stopDate")), executions[0]);
        Assert.Equal(ExecutionStatus.Aborted, executions[1].Status);
        Assert.Equal(4, machines.Count);
        Assert.Contains(documents[1].Text("nextToken"), requests.Requests[2].Body);
        Assert.Equal(new StateMachineSummary(documents[1].Text("stateMachines.0.stateMachineArn"), documents[1].Text("stateMachines.0.name"), documents[1].Text("stateMachines.0.type"), documents[1].Time("stateMachines.0.creationDate")), machines[0]);
        Assert.Equal(documents[2].Text("stateMachines.1.type"), machines[3].Type);
    }

    [Fact]
    public async Task DescribeStateMachine_EveryMemberOrRequiredOnly_ReadsEach()
    {
        var documents = await WireDocuments.GenerateAsync(WireAsk.Full("stepfunctions", "DescribeStateMachine"), WireAsk.Sparse("stepfunctions", "DescribeStateMachine"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.StepFunctions.DescribeStateMachineAsync(StateMachineArn);
        var sparse = await clients.StepFunctions.DescribeStateMachineAsync(StateMachineArn);

        var doc = documents[0];
        Assert.Equal(new StateMachine(doc.Text("stateMachineArn"), doc.Text("name"), doc.Text("status"), doc.Text("definition"), doc.Text("roleArn"), doc.Text("type"), doc.Time("creationDate")), full);
        Assert.Null(sparse.Status);
    }
}
