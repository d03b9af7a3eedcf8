using static BlueGreen.Local.Tests.Gateway.Internal.WireCheck.WireRequests;

namespace BlueGreen.Local.Tests.Gateway.Internal.WireCheck;

public sealed class JsonWireTests
{
    private const string StateMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreen";

    [Fact]
    public void Check_MembersOfTheRightTypes_Fit()
    {
        var verdict = JsonRpc("states", "AWSStepFunctions.StartExecution", $$"""{"stateMachineArn":"{{StateMachine}}","name":"run-1","input":"{}"}""");

        Assert.True(verdict.Fits, verdict.Message);
        Assert.Equal("StartExecution", verdict.Operation);
    }

    [Fact]
    public void Check_TargetPrefixNotTheModels_IsAViolation()
    {
        var verdict = JsonRpc("states", "AWSStepFunctions_20161123.StartExecution", $$"""{"stateMachineArn":"{{StateMachine}}"}""");

        Assert.Contains("X-Amz-Target: prefix 'AWSStepFunctions_20161123' is not the model's targetPrefix 'AWSStepFunctions'", verdict.Message);
    }

    [Fact]
    public void Check_UnknownOperation_IsAViolation()
    {
        var verdict = JsonRpc("states", "AWSStepFunctions.StartRun", "{}");

        Assert.Contains("'StartRun' is not an operation of stepfunctions", verdict.Message);
    }

    [Fact]
    public void Check_UnknownMemberWrongTypeAndMissingRequired_AllNamed()
    {
        var verdict = JsonRpc("states", "AWSStepFunctions.StartExecution", """{"StateMachineArn":"x","name":5}""");

        Assert.Contains("StateMachineArn: no such member", verdict.Message);
        Assert.Contains("name: a string cannot be the number 5", verdict.Message);
        Assert.Contains("stateMachineArn: required member missing", verdict.Message);
    }

    [Fact]
    public void Check_TooManyListItems_IsAViolation()
    {
        var entries = string.Join(",", Enumerable.Range(0, 11).Select(_ => """{"Source":"bluegreen","DetailType":"x","Detail":"{}"}"""));
        var verdict = JsonRpc("events", "AWSEvents.PutEvents", $$"""{"Entries":[{{entries}}]}""", "application/x-amz-json-1.1");

        Assert.Contains("Entries: count 11 is above the maximum 10", verdict.Message);
    }

    [Fact]
    public void Check_TimestampAsText_IsAViolation()
    {
        var verdict = JsonRpc("codedeploy", "CodeDeploy_20141006.ListDeployments",
            """{"applicationName":"shop","createTimeRange":{"start":"2026-01-01T00:00:00Z"}}""", "application/x-amz-json-1.1");

        Assert.Contains("createTimeRange.start: a timestamp (epoch seconds) cannot be the string", verdict.Message);
    }

    [Fact]
    public void Check_EnumValueInAList_IsAViolation()
    {
        var verdict = JsonRpc("codedeploy", "CodeDeploy_20141006.GetDeployment", """{"deploymentId":"d-1"}""", "application/x-amz-json-1.1");

        Assert.True(verdict.Fits, verdict.Message);
        var enumBroken = JsonRpc("codedeploy", "CodeDeploy_20141006.ListDeployments", """{"includeOnlyStatuses":["Done"]}""", "application/x-amz-json-1.1");
        Assert.Contains("includeOnlyStatuses[0]: 'Done' is not one of the enum's values", enumBroken.Message);
    }

    [Fact]
    public void Check_JavaOnlyPatternSyntax_IsTranslatedAndMatchedByTheWholeValue()
    {
        // TraceHeader's pattern is Java's \p{ASCII}*, which .NET does not know.
        var fits = JsonRpc("states", "AWSStepFunctions.StartExecution", $$"""{"stateMachineArn":"{{StateMachine}}","traceHeader":"Root=1-abc"}""");
        var broken = JsonRpc("states", "AWSStepFunctions.StartExecution", $$"""{"stateMachineArn":"{{StateMachine}}","traceHeader":"Root=é"}""");

        Assert.True(fits.Fits, fits.Message);
        Assert.Contains("traceHeader: 'Root=é' does not match the pattern", broken.Message);
    }

    [Fact]
    public void Check_ContentTypeNotTheModelsJsonVersion_IsAViolation()
    {
        var verdict = JsonRpc("codedeploy", "CodeDeploy_20141006.GetDeployment", """{"deploymentId":"d-1"}""", "application/x-amz-json-1.0");

        Assert.Contains("Content-Type: 'application/x-amz-json-1.0' is not application/x-amz-json-1.1, the model's jsonVersion", verdict.Message);
    }
}
