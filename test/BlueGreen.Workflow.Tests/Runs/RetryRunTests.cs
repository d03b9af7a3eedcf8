using System.Text.Json.Nodes;
using BlueGreen.Local.Faults;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>The shared Retry of every Lambda task, shown on the real state machine.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class RetryRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_SettingsStoreFailsLongerThanTheClientRetries_StateMachineRetryRecovers()
    {
        var sample = await cloud.SeedSampleAsync();
        // More 500s than one invocation's client retries (5 attempts): NormalizeRequest fails
        // Transient once, the ASL Retry invokes it again, and the second invocation gets through.
        cloud.Cloud.Faults.FailWithServerError("ssm", "GetParameter", times: 7);
        var invokesBefore = cloud.Cloud.Calls.Snapshot().Count("lambda", "Invoke");

        var result = await cloud.RunAsync($$"""{ "application": "{{sample.Application}}", "imageId": "{{sample.NewImageId}}", "dryRun": true }""");

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        // NormalizeRequest twice, then DescribeLive and PlanDeployment once each.
        Assert.Equal(4, cloud.Cloud.Calls.Snapshot().Count("lambda", "Invoke") - invokesBefore);
    }

    /// <summary>Lambda refusing or losing an Invoke, as the gateway injects it, and the name Step
    /// Functions gives the task failure (the launcher's lambda-error-names workaround).</summary>
    public static TheoryData<OperationFaultKind, int, string> InvokeFaults => new()
    {
        { OperationFaultKind.Throttle, 2, "Lambda.TooManyRequestsException" },
        { OperationFaultKind.ServerError, 1, "Lambda.ServiceException" },
        // The handler runs, then the answer is a 500: the retry runs it a second time.
        { OperationFaultKind.LostResponse, 1, "Lambda.ServiceException" },
    };

    [Theory]
    [MemberData(nameof(InvokeFaults))]
    public async Task Execution_LambdaInvokeFails_SharedRetryInvokesAgainAndDeploymentSucceeds(OperationFaultKind fault, int times, string error)
    {
        var sample = await cloud.SeedSampleAsync();
        Inject(fault, times);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{fault}: {result.Status} {result.Error} {result.Cause}");
        var history = await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(result.ExecutionArn);
        var failures = history.Where(e => e.Type == "LambdaFunctionFailed").Select(e => JsonNode.Parse(e.Details!)!["error"]!.GetValue<string>());
        Assert.Equal(Enumerable.Repeat(error, times), failures);
        // The first task (NormalizeRequest) was invoked once per fault, then once more.
        var firstTask = history.TakeWhile(e => e.Type != "TaskStateExited");
        Assert.Equal(times + 1, firstTask.Count(e => e.Type == "LambdaFunctionScheduled"));
        var live = await cloud.AssertOneLiveFleetAsync(sample);
        Assert.NotEqual(sample.BlueGroup, live);
    }

    private void Inject(OperationFaultKind fault, int times)
    {
        switch (fault)
        {
            case OperationFaultKind.Throttle:
                cloud.Cloud.Faults.Throttle("lambda", "Invoke", times);
                break;
            case OperationFaultKind.ServerError:
                cloud.Cloud.Faults.FailWithServerError("lambda", "Invoke", times);
                break;
            default:
                cloud.Cloud.Faults.LoseResponse("lambda", "Invoke", times);
                break;
        }
    }
}
