using System.Text.Json.Nodes;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>Deployments whose settings name a CodeDeploy deployment group (local CodeDeploy emulator).</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class CodeDeployRunTests(WorkflowCloud cloud)
{
    private const string Group = "web";

    [Fact]
    public async Task Execution_WithCodeDeploy_RevisionDeployedToGreenOnlyThenPromoted()
    {
        var sample = await SeedAsync();

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var live = await cloud.AssertOneLiveFleetAsync(sample);
        var deployments = await cloud.Cloud.Raw.JsonAsync("codedeploy", "CodeDeploy_20141006", "ListDeployments", new { applicationName = sample.Application, deploymentGroupName = Group });
        var id = Assert.Single(deployments!["deployments"]!.AsArray())!.GetValue<string>();
        var deployment = await cloud.Aws.CodeDeploy.GetDeploymentAsync(id);
        Assert.Equal("Succeeded", deployment.Status.ToString());
        var targeted = await cloud.Aws.CodeDeploy.ListDeploymentInstancesAsync(id);
        var green = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([live])).Instances.Select(i => i.InstanceId);
        Assert.Equal(green.Order(), targeted.Order());
    }

    [Fact]
    public async Task Execution_CodeDeployFails_RolledBackWithCodeDeployFailed()
    {
        var sample = await SeedAsync();
        cloud.Cloud.Faults.FailNextCodeDeployDeployment("ValidateService hook failed on 2 of 2 instances");

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.Equal(("FAILED", "CodeDeployFailed"), (result.Status, result.Error));
        var cause = result.ParsedCause();
        Assert.True(cause["rolledBack"]!.GetValue<bool>());
        Assert.Contains("ValidateService", cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(sample.BlueGroup, await cloud.AssertOneLiveFleetAsync(sample));
    }

    [Fact]
    public async Task Execution_CreateDeploymentAnswerLost_RetryFindsItsDeploymentAndPromotes()
    {
        var sample = await SeedAsync();
        // The deployment is created but the answer is a 500: the client's retry is refused
        // (the group already has an active deployment), which must be recognised as ours.
        cloud.Cloud.Faults.LoseResponse("codedeploy", "CreateDeployment", 1);

        var result = await cloud.RunAsync(AmiEvents.Available(sample.NewImageId));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        await cloud.AssertOneLiveFleetAsync(sample);
        var deployments = await cloud.Cloud.Raw.JsonAsync("codedeploy", "CodeDeploy_20141006", "ListDeployments", new { applicationName = sample.Application, deploymentGroupName = Group });
        var id = Assert.Single(deployments!["deployments"]!.AsArray())!.GetValue<string>();
        Assert.Equal("Succeeded", (await cloud.Aws.CodeDeploy.GetDeploymentAsync(id)).Status.ToString());
    }

    private Task<SampleApplication> SeedAsync() => SeedWithCodeDeployAsync(cloud);

    /// <summary>The sample application with a CodeDeploy group reaching only its own green fleet.</summary>
    internal static async Task<SampleApplication> SeedWithCodeDeployAsync(WorkflowCloud cloud)
    {
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": 30 },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 },
              "colorTag": { "key": "bluegreen:color", "blue": "blue", "green": "{{blue[..^5]}}-green" },
              "codeDeploy": { "application": "{{blue[..^5]}}", "deploymentGroup": "{{Group}}", "timeoutSeconds": {{cloud.RealSeconds(120)}},
                              "revision": { "s3": { "bucket": "releases", "key": "app.zip", "bundleType": "zip" } } } }
            """);
        // Many applications share this cloud: a green value of its own keeps the group to this one's green.
        await sample.AddCodeDeployAsync(cloud.Aws.CodeDeploy, Group, greenValue: $"{sample.Application}-green");
        return sample;
    }
}
