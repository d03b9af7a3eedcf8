using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Tests.Support;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Provisioning;

[Collection(FunctionsCloudCollection.Name)]
public sealed class ProvisionGreenTests(FunctionsCloud cloud)
{
    private const string UserData = "IyEvYmluL3NoCmVjaG8gaGVsbG8K"; // "#!/bin/sh\necho hello\n"

    [Fact]
    public async Task HandleAsync_LaunchTemplateBlue_CopiesBlueBesideItWithGreenTagsAndNoTargetGroups()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 2);
        var (blueGroup, source) = await RichBlueAsync(sample);
        var state = await ProvisionSupport.StateAsync(cloud, sample, blueGroup);
        var id = state.Deployment.DeploymentId;

        var green = await ProvisionSupport.ProvisionAsync(cloud, state);

        Assert.Equal(state.Deployment.Names.GreenGroup, green.GroupName);
        var template = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Equal(new LaunchTemplateSpec(template.Id, "1"), green.LaunchTemplate);
        Assert.Equal((id, sample.Application), (template.Tags[TagKeys.Deployment], template.Tags[TagKeys.Application]));

        var version = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(template.Id), []));
        Assert.Equal(sample.NewImageId, version.Data.ImageId);
        Assert.Equal(source.Data.InstanceType, version.Data.InstanceType);
        Assert.Equal("t3.small", version.Data.InstanceType);
        Assert.Equal(source.Data.KeyName, version.Data.KeyName);
        Assert.Equal(source.Data.EbsOptimized, version.Data.EbsOptimized);
        Assert.Equal(source.Data.DetailedMonitoring, version.Data.DetailedMonitoring);

        var blue = await GroupAsync(blueGroup);
        var group = await GroupAsync(green.GroupName);
        Assert.Equal((2, 5, 3), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Equal(sample.SubnetIds.Take(2).Order(), group.SubnetIds.Order());
        Assert.Equal("ELB", group.HealthCheckType);
        Assert.Equal(45, group.HealthCheckGracePeriodSeconds);
        Assert.Equal(["OldestLaunchTemplate", "OldestInstance"], group.TerminationPolicies);
        Assert.Empty(group.TargetGroupArns);
        Assert.Equal(template.Id, group.LaunchTemplate?.Id);
        Assert.Equal("1", group.LaunchTemplate?.Version);

        var tags = group.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal($"{sample.Application}-web", tags["Name"]);
        Assert.Equal("platform", tags["team"]);
        Assert.False(group.Tags.Single(t => t.Key == "team").PropagateAtLaunch);
        Assert.Equal(sample.Application, tags[TagKeys.Application]);
        Assert.Equal(id, tags[TagKeys.Deployment]);
        Assert.Equal("green", tags["bluegreen:color"]);
        Assert.Equal(5, tags.Count);

        var hook = Assert.Single(await cloud.Aws.AutoScaling.DescribeLifecycleHooksAsync(green.GroupName));
        Assert.Equal(("drain", "autoscaling:EC2_INSTANCE_TERMINATING", 300, "CONTINUE"), (hook.Name, hook.Transition, hook.HeartbeatTimeoutSeconds, hook.DefaultResult));

        // Blue is untouched: same size, still tagged blue, still serving.
        Assert.Equal(3, blue.DesiredCapacity);
        Assert.Contains(blue.Tags, t => t.Key == "bluegreen:color" && t.Value == "blue");
        Assert.Equal([sample.TargetGroupArn], blue.TargetGroupArns);
    }

    [Fact]
    public async Task HandleAsync_RunTwice_ReusesTheGroupAndTheTemplateWithoutWriting()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var state = await ProvisionSupport.StateAsync(cloud, sample);
        var first = await ProvisionSupport.ProvisionAsync(cloud, state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var second = await ProvisionSupport.ProvisionAsync(cloud, state);

        Assert.Equal(first, second);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Single(await DeploymentGroupsAsync(state.Deployment.DeploymentId));
        Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Equal(1, await VersionCountAsync(sample.LaunchTemplateId));
    }

    [Fact]
    public async Task HandleAsync_CrashAfterTemplateBeforeGroup_RetryReusesTheTemplateAndMakesTheGroup()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var state = await ProvisionSupport.StateAsync(cloud, sample);
        cloud.Cloud.Faults.FailWithServerError("autoscaling", "CreateAutoScalingGroup", times: 50);
        try
        {
            await Assert.ThrowsAsync<Transient>(() => ProvisionSupport.ProvisionAsync(cloud, state));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        var template = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Empty(await DeploymentGroupsAsync(state.Deployment.DeploymentId));

        var green = await ProvisionSupport.ProvisionAsync(cloud, state);

        Assert.Equal(template.Id, Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate])).Id);
        Assert.Equal(new LaunchTemplateSpec(template.Id, "1"), green.LaunchTemplate);
        var group = Assert.Single(await DeploymentGroupsAsync(state.Deployment.DeploymentId));
        Assert.Equal((template.Id, "1"), (group.LaunchTemplate?.Id, group.LaunchTemplate?.Version));
        Assert.Equal(1, await VersionCountAsync(sample.LaunchTemplateId));
    }

    [Fact]
    public async Task HandleAsync_CrashAfterGroupBeforeHooks_RetryPutsBluesHooksOnTheSameGroup()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var (blueGroup, _) = await RichBlueAsync(sample);
        var state = await ProvisionSupport.StateAsync(cloud, sample, blueGroup);
        cloud.Cloud.Faults.FailWithServerError("autoscaling", "PutLifecycleHook", times: 50);
        try
        {
            await Assert.ThrowsAsync<Transient>(() => ProvisionSupport.ProvisionAsync(cloud, state));
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        Assert.Empty(await cloud.Aws.AutoScaling.DescribeLifecycleHooksAsync(state.Deployment.Names.GreenGroup));

        var green = await ProvisionSupport.ProvisionAsync(cloud, state);

        Assert.Single(await DeploymentGroupsAsync(state.Deployment.DeploymentId));
        Assert.Equal("drain", Assert.Single(await cloud.Aws.AutoScaling.DescribeLifecycleHooksAsync(green.GroupName)).Name);
        // Blue's template is not written: it still has the versions the sample and RichBlue made.
        Assert.Equal(2, await VersionCountAsync(sample.LaunchTemplateId));
    }

    [Fact]
    public async Task HandleAsync_LaunchConfigurationBlue_CreatesATemplateFromTheConfigurationOnce()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var blueGroup = await ProvisionSupport.CreateLaunchConfigurationBlueAsync(cloud, sample, UserData);
        var state = await ProvisionSupport.StateAsync(cloud, sample, blueGroup);

        var green = await ProvisionSupport.ProvisionAsync(cloud, state);
        var again = await ProvisionSupport.ProvisionAsync(cloud, state);

        Assert.Equal(green, again);
        var template = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync([state.Deployment.Names.LaunchTemplate]));
        Assert.Equal(template.Id, green.LaunchTemplate.Id);
        Assert.Equal(state.Deployment.DeploymentId, template.Tags[TagKeys.Deployment]);
        Assert.Equal(sample.Application, template.Tags[TagKeys.Application]);
        var version = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(template.Id), []));
        Assert.Equal(green.LaunchTemplate.Version, version.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sample.NewImageId, version.Data.ImageId);
        Assert.Equal("t3.small", version.Data.InstanceType);
        Assert.Equal(UserData, version.Data.UserData);
        Assert.True(version.Data.EbsOptimized);
        Assert.True(version.Data.DetailedMonitoring);

        var group = await GroupAsync(green.GroupName);
        Assert.Equal((1, 3, 2), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Null(group.LaunchConfigurationName);
        Assert.Equal(template.Id, group.LaunchTemplate?.Id);
        Assert.Contains(group.Tags, t => t.Key == "Name" && t.Value == "lc-web");
        Assert.Contains(group.Tags, t => t.Key == "bluegreen:color" && t.Value == "green");
    }

    [Fact]
    public async Task HandleAsync_GroupOfAnotherDeploymentHasTheName_GreenLaunchFailedAndLeavesItAlone()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 1);
        var state = await ProvisionSupport.StateAsync(cloud, sample);
        var name = state.Deployment.Names.GreenGroup;
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(name, 0, 1)
        {
            LaunchTemplate = new LaunchTemplateReference(sample.LaunchTemplateId, Version: "1"),
            DesiredCapacity = 0,
            SubnetIds = sample.SubnetIds,
            Tags = [new GroupTag(TagKeys.Deployment, "someoneelse2"), new GroupTag("bluegreen:color", "green")],
        });

        var error = await Assert.ThrowsAsync<GreenLaunchFailed>(() => ProvisionSupport.ProvisionAsync(cloud, state));

        Assert.Contains("someoneelse2", error.Message);
        Assert.Contains(name, error.Message);
        var group = await GroupAsync(name);
        Assert.Contains(group.Tags, t => t.Key == TagKeys.Deployment && t.Value == "someoneelse2");
        Assert.Equal("1", group.LaunchTemplate?.Version);
        Assert.Equal(1, await VersionCountAsync(sample.LaunchTemplateId));
    }

    /// <summary>A blue group with what a real fleet has: a richer template version, sizes unlike
    /// the defaults, termination policies, a lifecycle hook, and our own tags (which green must not
    /// inherit). Made rather than changed: moto's UpdateAutoScalingGroup ignores TerminationPolicies.</summary>
    private async Task<(string Group, LaunchTemplateVersion Version)> RichBlueAsync(SampleApplication sample)
    {
        var keyName = $"{sample.Application}-ops";
        await cloud.Ec2.CreateKeyPairAsync(new Amazon.EC2.Model.CreateKeyPairRequest { KeyName = keyName });
        var created = await cloud.Ec2.CreateLaunchTemplateVersionAsync(new Amazon.EC2.Model.CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateId = sample.LaunchTemplateId,
            SourceVersion = "1",
            VersionDescription = "blue v2",
            LaunchTemplateData = new Amazon.EC2.Model.RequestLaunchTemplateData
            {
                ImageId = sample.OldImageId,
                InstanceType = Amazon.EC2.InstanceType.T3Small,
                KeyName = keyName,
                // No UserData: moto 5.2.1 stores a version's UserData unwrapped and then fails (HTTP 500)
                // launching from it; UserData's copy is shown by the launch configuration test.
                EbsOptimized = true,
                Monitoring = new Amazon.EC2.Model.LaunchTemplatesMonitoringRequest { Enabled = true },
            },
        });
        var version = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(
            new LaunchTemplateReference(sample.LaunchTemplateId), [created.LaunchTemplateVersion.VersionNumber!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        var group = $"{sample.Application}-rich-blue";
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(group, 2, 5)
        {
            LaunchTemplate = new LaunchTemplateReference(sample.LaunchTemplateId, Version: "$Latest"),
            DesiredCapacity = 3,
            SubnetIds = sample.SubnetIds.Take(2).ToList(),
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 45,
            TerminationPolicies = ["OldestLaunchTemplate", "OldestInstance"],
            TargetGroupArns = [sample.TargetGroupArn],
            Tags = [new GroupTag("Name", $"{sample.Application}-web"), new GroupTag("team", "platform", false), new GroupTag("bluegreen:color", "blue"), new GroupTag(TagKeys.Deployment, "olddeploymnt")],
        });
        await cloud.Aws.AutoScaling.PutLifecycleHookAsync(group, new LifecycleHook("drain", "autoscaling:EC2_INSTANCE_TERMINATING", 300, "CONTINUE"));
        return (group, version);
    }

    private async Task<AutoScalingGroup> GroupAsync(string name) =>
        Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name]));

    private Task<IReadOnlyList<AutoScalingGroup>> DeploymentGroupsAsync(string deploymentId) =>
        cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(new Dictionary<string, string> { [TagKeys.Deployment] = deploymentId });

    private async Task<int> VersionCountAsync(string templateId) =>
        (await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(templateId), [])).Count;
}
