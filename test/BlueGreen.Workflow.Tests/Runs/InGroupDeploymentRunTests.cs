using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Whole deployments with the in-group strategy: one group, a new launch template version,
/// expand to twice the capacity, then contract to the new instances only (or back to the old ones).</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class InGroupDeploymentRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_InGroup_OnlyNewTemplateInstancesLeftSizesAndProtectionRestored()
    {
        var sample = await cloud.SeedSampleAsync(InGroupSettings(healthTimeout: 120));
        // Max below twice desired, and old instances protected from scale-in: both must be handled.
        await cloud.Aws.AutoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(sample.BlueGroup) { MaxSize = 3 });
        var old = await InstanceIdsAsync(sample.BlueGroup);
        await cloud.Aws.AutoScaling.SetInstanceProtectionAsync(sample.BlueGroup, old, protectedFromScaleIn: true);
        var start = cloud.Cloud.Calls.Writes().Count;

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal(sample.BlueGroup, output["liveGroup"]!.GetValue<string>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var group = await GroupAsync(sample.BlueGroup);
        Assert.Equal((2, 3, 2), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Equal(2, group.Instances.Count);
        Assert.DoesNotContain(group.Instances, i => old.Contains(i.InstanceId));
        Assert.Equal([sample.NewImageId], await ImagesAsync(group));
        Assert.NotEqual("$Latest", group.LaunchTemplate!.Version);
        var registered = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn)).Select(t => t.TargetId).ToHashSet();
        Assert.Equal(group.Instances.Select(i => i.InstanceId).ToHashSet(), registered);
        Assert.DoesNotContain(cloud.Cloud.Calls.Writes().Skip(start), w => w.Operation is "CreateAutoScalingGroup" or "DeleteAutoScalingGroup");
        cloud.AssertEveryCallAllowedByItsPolicy();
    }

    [Fact]
    public async Task Execution_InGroupUnhealthyNewAmi_RolledBackOnlyOldTemplateInstancesOldVersion()
    {
        var sample = await cloud.SeedSampleAsync(InGroupSettings(healthTimeout: 30));
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        var old = await InstanceIdsAsync(sample.BlueGroup);
        var start = cloud.Cloud.Calls.Writes().Count;

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.Equal(("FAILED", "GreenUnhealthy"), (result.Status, result.Error));
        var cause = result.ParsedCause();
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, cause["liveGroup"]!.GetValue<string>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var group = await GroupAsync(sample.BlueGroup);
        Assert.Equal((2, 4, 2), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Equal(old.Order(), group.Instances.Select(i => i.InstanceId).Order());
        Assert.Equal([sample.OldImageId], await ImagesAsync(group));
        Assert.Equal("1", group.LaunchTemplate!.Version);
        // The new instances were launched (and registered) before the rollback took them away.
        Assert.Contains(cloud.Cloud.Calls.Writes().Skip(start), w => w.Operation == "TerminateInstanceInAutoScalingGroup" && w.Function == "RollBackFunction");
        cloud.AssertEveryCallAllowedByItsPolicy();
    }

    private async Task<AutoScalingGroup> GroupAsync(string name) =>
        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name]));

    private async Task<List<string>> InstanceIdsAsync(string name) =>
        (await GroupAsync(name)).Instances.Select(i => i.InstanceId).ToList();

    private async Task<List<string?>> ImagesAsync(AutoScalingGroup group) =>
        (await cloud.Aws.Ec2.DescribeInstancesAsync([.. group.Instances.Select(i => i.InstanceId)])).Select(i => i.ImageId).Distinct().ToList();

    private static Func<string, string, string, string, string> InGroupSettings(int healthTimeout) => (blue, targetGroup, _, _) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "in-group", "targetGroupArns": ["{{targetGroup}}"],
          "health": { "timeoutSeconds": {{healthTimeout}} },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
        """;
}
