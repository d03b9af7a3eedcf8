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
}
