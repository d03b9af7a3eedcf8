using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Whole deployments with the pair option and the swap strategy: two existing groups take
/// turns; no group is ever created or deleted.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class PairDeploymentRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_PairSwap_IdleGroupScaledUpLiveOldScaledToZeroNoGroupCreatedOrDeleted()
    {
        var pair = await PairSample.SeedAsync(cloud, healthTimeout: 120);
        var sample = pair.Sample;
        var start = cloud.Cloud.Calls.Writes().Count;

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal((pair.IdleGroup, sample.BlueGroup), (output["liveGroup"]!.GetValue<string>(), output["retiredGroup"]!.GetValue<string>()));
        Assert.Equal(pair.IdleGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var green = await GroupAsync(pair.IdleGroup);
        Assert.Equal((2, 4, 2), (green.MinSize, green.MaxSize, green.DesiredCapacity));
        Assert.Equal([sample.NewImageId], await ImagesAsync(green));
        // The idle group launches from the deployment's own template, a copy of its own with the new AMI.
        var own = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesTaggedAsync("bluegreen:application", sample.Application));
        Assert.Equal(own.Id, green.LaunchTemplate!.Id);
        Assert.NotEqual(pair.IdleLaunchTemplateId, own.Id);
        var old = await GroupAsync(sample.BlueGroup);
        Assert.Equal((0, 0), (old.MinSize, old.DesiredCapacity));
        Assert.DoesNotContain(sample.TargetGroupArn, old.TargetGroupArns);
        Assert.DoesNotContain(cloud.Cloud.Calls.Writes().Skip(start), w => w.Operation is "CreateAutoScalingGroup" or "DeleteAutoScalingGroup");
        cloud.AssertEveryCallAllowedByItsPolicy();
    }

    [Fact]
    public async Task Execution_PairSecondDeployment_TakesTurnsBackToTheFirstGroup()
    {
        var pair = await PairSample.SeedAsync(cloud, healthTimeout: 120);
        var sample = pair.Sample;
        Assert.Equal("SUCCEEDED", (await cloud.RunAsync(AmiEvents.Available(sample.NewImageId))).Status);
        var next = await cloud.CreateImageAsync(tagged: sample.Application);

        var result = await cloud.RunAsync(AmiEvents.Available(next));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        Assert.Equal([next], await ImagesAsync(await GroupAsync(sample.BlueGroup)));
        Assert.Equal((0, 0), ((await GroupAsync(pair.IdleGroup)).MinSize, (await GroupAsync(pair.IdleGroup)).DesiredCapacity));
    }

    [Fact]
    public async Task Execution_PairUnhealthyGreen_RolledBackIdleGroupEmptyOnItsOldVersion()
    {
        var pair = await PairSample.SeedAsync(cloud, healthTimeout: 30);
        var sample = pair.Sample;
        cloud.Cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        var start = cloud.Cloud.Calls.Writes().Count;

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.Equal(("FAILED", "GreenUnhealthy"), (result.Status, result.Error));
        Assert.True(result.ParsedCause()["rolledBack"]!.GetValue<bool>());
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
        var idle = await GroupAsync(pair.IdleGroup);
        Assert.Equal((0, 0), (idle.MinSize, idle.DesiredCapacity));
        Assert.Equal("1", idle.LaunchTemplate!.Version);
        Assert.Contains(cloud.Cloud.Calls.Writes().Skip(start), w => w.Operation == "UpdateAutoScalingGroup" && w.Function == "ProvisionGreenFunction" && w.Body.Contains(pair.IdleGroup, StringComparison.Ordinal));
        Assert.DoesNotContain(cloud.Cloud.Calls.Writes().Skip(start), w => w.Operation is "CreateAutoScalingGroup" or "DeleteAutoScalingGroup");
        cloud.AssertEveryCallAllowedByItsPolicy();
    }

    private async Task<AutoScalingGroup> GroupAsync(string name) =>
        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name]));

    private async Task<List<string?>> ImagesAsync(AutoScalingGroup group) =>
        (await cloud.Aws.Ec2.DescribeInstancesAsync([.. group.Instances.Select(i => i.InstanceId)])).Select(i => i.ImageId).Distinct().ToList();
}
