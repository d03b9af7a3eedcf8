using System.Text.Json.Nodes;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Once blue is being retired, green serves everything: a later failure is a warning in a
/// Promoted outcome, never a rollback, and never a RollbackFailed that says to remove the serving fleet.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class PointOfNoReturnRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_LockCannotBeReleased_PromotedWithAWarningAndTheNextDeploymentTakesTheLockOver()
    {
        var sample = await cloud.SeedSampleAsync();
        JsonNode output;
        cloud.Cloud.Faults.FailWithServerError("dynamodb", "DeleteItem", times: 100);
        try
        {
            var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

            Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
            output = JsonNode.Parse(result.Output!)!;
            Assert.Equal(result.ExecutionArn, await cloud.LockHolderAsync(sample.Application));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        Assert.Equal("Promoted", output["outcome"]!.GetValue<string>());
        var warning = Assert.Single(output["warnings"]!.AsArray())!.GetValue<string>();
        Assert.Contains("lock", warning, StringComparison.Ordinal);
        Assert.Contains("takes it over", warning, StringComparison.Ordinal);
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));

        var next = await cloud.RunAsync(AmiEvents.Available(await cloud.CreateImageAsync(tagged: sample.Application)));

        Assert.True(next.Status == "SUCCEEDED", $"{next.Status} {next.Error} {next.Cause}");
        await cloud.AssertOneLiveFleetAsync(sample);
    }

    [Fact]
    public async Task Execution_BlueCannotBeDeleted_PromotedWithAWarningGreenLiveLockFree()
    {
        var sample = await cloud.SeedSampleAsync();
        cloud.Cloud.Faults.FailWithServerError("autoscaling", "DeleteAutoScalingGroup", times: 200);
        try
        {
            var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

            Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
            var output = JsonNode.Parse(result.Output!)!;
            Assert.Equal("Promoted", output["outcome"]!.GetValue<string>());
            var warning = Assert.Single(output["warnings"]!.AsArray())!.GetValue<string>();
            Assert.Contains($"Old blue group {sample.BlueGroup} was not fully retired", warning, StringComparison.Ordinal);
            var live = output["liveGroup"]!.GetValue<string>();
            var tagged = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
                new Dictionary<string, string> { ["bluegreen:application"] = sample.Application, ["bluegreen:color"] = "blue" });
            Assert.Equal(live, Assert.Single(tagged).Name);
            Assert.Contains(sample.TargetGroupArn, tagged[0].TargetGroupArns);
            Assert.DoesNotContain(sample.TargetGroupArn, Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup])).TargetGroupArns);
            await cloud.AssertLockFreeAsync(sample.Application);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }
}
