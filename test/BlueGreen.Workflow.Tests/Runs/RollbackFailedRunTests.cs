using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>When the rollback itself cannot finish, the execution says what is left to do by hand.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class RollbackFailedRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_RollbackCannotRemoveGreen_RollbackFailedListsTheStepsAndKeepsTheLock()
    {
        var sample = await CodeDeployRunTests.SeedWithCodeDeployAsync(cloud);
        cloud.Cloud.Faults.FailNextCodeDeployDeployment();
        // More failures than RollBack's client retries times the state machine's retries.
        cloud.Cloud.Faults.FailWithServerError("autoscaling", "DeleteAutoScalingGroup", times: 100);
        try
        {
            var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

            Assert.Equal(("FAILED", "RollbackFailed"), (result.Status, result.Error));
            var cause = result.ParsedCause();
            var message = cause["message"]!.GetValue<string>();
            Assert.Contains("failed with CodeDeployFailed", message, StringComparison.Ordinal);
            Assert.Contains("Left to do by hand", message, StringComparison.Ordinal);
            Assert.Contains("Once blue serves again: delete Auto Scaling group", message, StringComparison.Ordinal);
            Assert.False(cause["rolledBack"]!.GetValue<bool>());
            Assert.NotEmpty(cause["details"]!["manualSteps"]!.AsArray());
            Assert.NotNull(await cloud.LockHolderAsync(sample.Application));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }
}
