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
    public async Task Execution_InGroupUnhealthyNewAmi_RolledBackOnlyOldInstancesReferenceAsNamed()
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
        // The reference as the group named it, on blue's own template: the deployment's is gone.
        Assert.Equal((sample.LaunchTemplateId, "$Latest"), (group.LaunchTemplate!.Id, group.LaunchTemplate.Version));
        Assert.Empty(await cloud.Aws.Ec2.DescribeLaunchTemplatesTaggedAsync("bluegreen:application", sample.Application));
        // The new instances were launched (and registered) before the rollback took them away.
        Assert.Contains(cloud.Cloud.Calls.Writes().Skip(start), w => w.Operation == "TerminateInstanceInAutoScalingGroup" && w.Function == "RollBackFunction");
        cloud.AssertEveryCallAllowedByItsPolicy();
    }

    [Fact]
    public async Task Execution_InGroupAlarmWhileOldDrain_OldServeAgainFirstThenOnlyOldLeft()
    {
        var alarm = await TestAlarms.CreateAsync(cloud.Aws.CloudWatch, state: null);
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "in-group", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": 60, "alarmNames": ["{{alarm}}"] },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": {{cloud.RealSeconds(30)}} } }
            """);
        var old = await InstanceIdsAsync(sample.BlueGroup);
        var start = cloud.Cloud.Calls.Writes().Count;

        var run = cloud.RunAsync(AmiEvents.Available(sample.NewImageId));
        var deregistered = await WaitForWriteAsync(start, "DeregisterTargets", "ShiftTrafficFunction");
        var firedAt = DateTimeOffset.UtcNow;
        await cloud.Aws.CloudWatch.SetAlarmStateAsync(alarm, BlueGreen.Aws.CloudWatch.AlarmState.Alarm, "Threshold Crossed: 9 errors (test)");
        var result = await run;

        Assert.Equal(("FAILED", "AlarmFired"), (result.Status, result.Error));
        Assert.True(result.ParsedCause()["rolledBack"]!.GetValue<bool>());
        var rollback = cloud.Cloud.Calls.Writes().Skip(start).Where(w => w.Function == "RollBackFunction" && w.Service != "dynamodb").ToList();
        Assert.Equal("RegisterTargets", rollback[0].Operation);
        Assert.True(rollback[0].At - firedAt < TimeSpan.FromSeconds(10), $"traffic restored {(rollback[0].At - firedAt).TotalSeconds:F2} s after the alarm");
        Assert.True(deregistered.At < rollback[0].At);
        var group = await GroupAsync(sample.BlueGroup);
        Assert.Equal(old.Order(), group.Instances.Select(i => i.InstanceId).Order());
        Assert.Equal([sample.OldImageId], await ImagesAsync(group));
        var serving = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn)).Where(t => t.State == "healthy").Select(t => t.TargetId).Order();
        Assert.Equal(old.Order(), serving);
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
    }

    private async Task<BlueGreen.Local.Calls.RecordedWrite> WaitForWriteAsync(int start, string operation, string function)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (cloud.Cloud.Calls.Writes().Skip(start).FirstOrDefault(w => w.Operation == operation && w.Function == function) is { } write)
            {
                return write;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{function} never sent {operation}");
    }

    private async Task<AutoScalingGroup> GroupAsync(string name) =>
        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name]));

    private async Task<List<string>> InstanceIdsAsync(string name) =>
        (await GroupAsync(name)).Instances.Select(i => i.InstanceId).ToList();

    private async Task<List<string?>> ImagesAsync(AutoScalingGroup group) =>
        (await cloud.Aws.Ec2.DescribeInstancesAsync([.. group.Instances.Select(i => i.InstanceId)])).Select(i => i.ImageId).Distinct().ToList();

    internal static Func<string, string, string, string, string> InGroupSettings(int healthTimeout) => (blue, targetGroup, _, _) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "in-group", "targetGroupArns": ["{{targetGroup}}"],
          "health": { "timeoutSeconds": {{healthTimeout}} },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
        """;
}
