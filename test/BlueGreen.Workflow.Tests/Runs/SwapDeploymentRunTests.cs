using System.Text.Json.Nodes;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Whole deployments with the swap strategy: the real ASL in moto, the real handlers, the sample application.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class SwapDeploymentRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_NewAmiEvent_GreenIsLiveBlueRetiredLockFree()
    {
        var sample = await cloud.SeedSampleAsync();

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal("Promoted", output["outcome"]!.GetValue<string>());
        Assert.Equal(sample.BlueGroup, output["retiredGroup"]!.GetValue<string>());
        var live = await cloud.AssertOneLiveFleetAsync(sample);
        Assert.Equal(output["liveGroup"]!.GetValue<string>(), live);
        Assert.NotEqual(sample.BlueGroup, live);
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        Assert.Contains(output["steps"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "ProvisionGreen");
        await AssertServesImageAsync(live, sample.NewImageId);
    }

    [Fact]
    public async Task Execution_SecondDeployment_FirstGreenRetiredWithItsTemplateBluesTemplateNeverWritten()
    {
        var sample = await cloud.SeedSampleAsync();
        var first = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));
        var firstLive = JsonNode.Parse(first.Output!)!["liveGroup"]!.GetValue<string>();
        var firstTemplate = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([firstLive])).LaunchTemplate!.Id;
        var newer = await cloud.CreateImageAsync(tagged: sample.Application);

        var second = await cloud.RunAsync(AmiEvents.Available(newer));

        Assert.True(second.Status == "SUCCEEDED", $"{second.Status} {second.Error} {second.Cause}");
        var live = await cloud.AssertOneLiveFleetAsync(sample);
        Assert.Empty(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([firstLive]));
        var templates = await cloud.Aws.Ec2.DescribeLaunchTemplatesTaggedAsync("bluegreen:application", sample.Application);
        Assert.DoesNotContain(templates, t => t.Id == firstTemplate);
        Assert.Equal(Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([live])).LaunchTemplate!.Id, Assert.Single(templates).Id);
        Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new Aws.AutoScaling.LaunchTemplateReference(sample.LaunchTemplateId), []));

        // After promotion the live group's next instance launches the new AMI.
        var group = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([live]));
        await cloud.Aws.AutoScaling.UpdateAutoScalingGroupAsync(new Aws.AutoScaling.AutoScalingGroupUpdate(live) { MaxSize = group.DesiredCapacity + 1, DesiredCapacity = group.DesiredCapacity + 1 });
        await AssertServesImageAsync(live, newer);
    }

    [Fact]
    public async Task Execution_UnhealthyGreen_RolledBackBlueLiveGreenGone()
    {
        var sample = await cloud.SeedSampleAsync(ShortHealthTimeout);
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.Equal(("FAILED", "GreenUnhealthy"), (result.Status, result.Error));
        var cause = result.ParsedCause();
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, cause["liveGroup"]!.GetValue<string>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var tagged = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string> { ["bluegreen:application"] = sample.Application });
        Assert.DoesNotContain(tagged, g => g.Name != sample.BlueGroup);
    }

    [Fact]
    public async Task Execution_DryRun_ReturnsThePlanAndWritesNothing()
    {
        var sample = await cloud.SeedSampleAsync();
        var before = cloud.Cloud.Calls.Snapshot();

        var result = await cloud.RunAsync($$"""{ "application": "{{sample.Application}}", "imageId": "{{sample.NewImageId}}", "dryRun": true }""");

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.Contains(sample.BlueGroup, result.Output);
        Assert.Equal(0, WorkflowCloud.ResourceWrites(before, cloud.Cloud.Calls.Snapshot()));
        await cloud.AssertLockFreeAsync(sample.Application);
    }

    private async Task AssertServesImageAsync(string group, string imageId)
    {
        var instances = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([group])).Instances;
        var described = await cloud.Aws.Ec2.DescribeInstancesAsync([.. instances.Select(i => i.InstanceId)]);
        Assert.All(described, i => Assert.Equal(imageId, i.ImageId));
    }

    internal static string ShortHealthTimeout(string blue, string targetGroup, string spare, string listener) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
          "health": { "timeoutSeconds": 30 },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
        """;
}
