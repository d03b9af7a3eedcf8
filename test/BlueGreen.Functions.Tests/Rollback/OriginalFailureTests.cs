using System.Text.Json.Nodes;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Tests.Rollback;

/// <summary>The execution's ending names only documented errors (DESIGN §3).</summary>
public sealed class OriginalFailureTests
{
    [Fact]
    public void ToOutcome_DocumentedName_KeepsNameAndMessage()
    {
        var outcome = OriginalFailure.From(new StepFailure("GreenUnhealthy", """{"errorType":"GreenUnhealthy","errorMessage":"2 of 3 unhealthy"}""")).ToOutcome(true, "shop-blue");

        Assert.Equal("GreenUnhealthy", outcome.Error);
        Assert.Equal("2 of 3 unhealthy", Cause(outcome)["message"]!.GetValue<string>());
    }

    [Fact]
    public void ToOutcome_CleanupOfAStoppedDeployment_KeepsWhenAndWhereItStopped()
    {
        // The cleanup's output message is this cause's message: it must read as the stop, not as a defect.
        const string cause = "Deployment abc of shop was stopped at 2026-12-02 07:50:51Z in state WaitWhileShifting (DeploymentAborted: canary errors).";

        var outcome = OriginalFailure.From(new StepFailure("DeploymentStopped", cause)).ToOutcome(true, "shop-blue");

        Assert.Equal(("DeploymentStopped", cause), (outcome.Error, Cause(outcome)["message"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Lambda.ServiceException", "Internal error (Service: AWSLambda; Status Code: 500)")]
    [InlineData("States.Timeout", "The task timed out")]
    public void ToOutcome_UndocumentedName_UnexpectedErrorWithTheOriginalNameAndMessage(string error, string cause)
    {
        var outcome = OriginalFailure.From(new StepFailure(error, cause)).ToOutcome(true, "shop-blue");

        Assert.Equal("UnexpectedError", outcome.Error);
        var parsed = Cause(outcome);
        Assert.Equal($"Unexpected {error}: {cause}", parsed["message"]!.GetValue<string>());
        Assert.Equal(error, parsed["details"]!["type"]!.GetValue<string>());
        Assert.Equal(cause, parsed["details"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void ToOutcome_HandlersUnexpectedError_DetailsReadBackFromItsMessage()
    {
        // A Lambda function error carries only errorType and errorMessage across the boundary.
        var cause = """{"errorType":"UnexpectedError","errorMessage":"Unexpected NullReferenceException in ShiftTraffic: Object reference not set"}""";

        var outcome = OriginalFailure.From(new StepFailure("UnexpectedError", cause)).ToOutcome(false, null);

        Assert.Equal("UnexpectedError", outcome.Error);
        var details = Cause(outcome)["details"]!;
        Assert.Equal(("NullReferenceException", "Object reference not set"), (details["type"]!.GetValue<string>(), details["message"]!.GetValue<string>()));
    }

    private static JsonNode Cause(RollbackOutcome outcome) => JsonNode.Parse(outcome.Cause)!;
}
