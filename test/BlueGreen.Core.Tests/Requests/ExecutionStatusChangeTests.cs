using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Tests.Requests;

public sealed class ExecutionStatusChangeTests
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:run-1";

    private static JsonElement Event(string status, string extra = "") => JsonDocument.Parse($$"""
        { "version": "0", "id": "e-1", "detail-type": "Step Functions Execution Status Change", "source": "aws.states",
          "account": "123456789012", "time": "2026-12-02T00:00:00Z", "region": "us-east-1", "resources": ["{{Arn}}"],
          "detail": { "executionArn": "{{Arn}}", "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment",
                      "name": "run-1", "status": "{{status}}", "startDate": 1764633600000, "stopDate": 1764633660000,
                      "input": "{}", "output": null {{extra}} } }
        """).RootElement;

    [Fact]
    public void Read_AbortedWithErrorAndCause_NamesTheStoppedExecutionAndWhy()
    {
        var root = Event("ABORTED", """, "error": "DeploymentAborted", "cause": "wrong AMI" """);

        var stopped = ExecutionStatusChange.Read(root);

        Assert.True(ExecutionStatusChange.IsEvent(root));
        Assert.Equal(Arn, stopped.ExecutionArn);
        Assert.Equal(("ABORTED", "DeploymentAborted", "wrong AMI"), (stopped.Status, stopped.Error, stopped.Cause));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764633660000), stopped.StoppedAt);
        Assert.Equal("e-1", stopped.EventId);
        Assert.Equal("was stopped", stopped.Ending);
    }

    [Fact]
    public void Read_TimedOut_IsAcceptedAndSaysTimedOut()
    {
        var stopped = ExecutionStatusChange.Read(Event("TIMED_OUT"));

        Assert.Equal(("TIMED_OUT", null, "timed out"), (stopped.Status, stopped.Error, stopped.Ending));
    }

    [Fact]
    public void Read_Succeeded_RefusedAtDetailStatus()
    {
        var error = Assert.Throws<InvalidRequest>(() => ExecutionStatusChange.Read(Event("SUCCEEDED")));

        Assert.Contains(error.Problems, p => p.Path == "$.detail.status" && p.Message.Contains("SUCCEEDED"));
    }

    [Fact]
    public void IsEvent_AmiEventOrRequest_False()
    {
        Assert.False(ExecutionStatusChange.IsEvent(JsonDocument.Parse("""{"source":"aws.ec2","detail-type":"EC2 AMI State Change"}""").RootElement));
        Assert.False(ExecutionStatusChange.IsEvent(JsonDocument.Parse("""{"application":"shop","imageId":"ami-12345678"}""").RootElement));
        Assert.False(ExecutionStatusChange.IsEvent(JsonDocument.Parse("\"text\"").RootElement));
    }
}
