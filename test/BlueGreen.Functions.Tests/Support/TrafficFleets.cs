using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Hosting;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// The state a traffic-side handler sees, built from the seeded sample without DescribeLive and
/// ProvisionGreen (written elsewhere): the deployment from the real NormalizeRequest, blue = the
/// sample's group, green = a second group on a new launch template version with the new AMI,
/// tagged application/deployment/colour=green, blue's sizes, in no target group.
/// </summary>
public static class TrafficFleets
{
    public static async Task<(SampleApplication Sample, WorkflowState State)> SeedAsync(FunctionsCloud cloud, int capacity = 2)
    {
        var sample = await cloud.SeedSampleAsync(capacity);
        var deployment = await NormalizeAsync(cloud, sample, "exec-" + Guid.NewGuid().ToString("N")[..12]);
        var blue = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        var live = new LiveFleet(
            blue.Name,
            new LaunchTemplateSpec(sample.LaunchTemplateId, blue.LaunchTemplate?.Version ?? "$Latest"),
            null,
            blue.MinSize,
            blue.MaxSize,
            blue.DesiredCapacity,
            blue.SubnetIds,
            blue.TargetGroupArns,
            [.. blue.Instances.Select(i => i.InstanceId)],
            Adopted: true);
        var green = await CreateGreenAsync(cloud, sample, deployment, blue);
        return (sample, new WorkflowState { Deployment = deployment, Live = live, Green = green });
    }

    /// <summary>The same state with changed effective settings (as a request override would give).</summary>
    public static WorkflowState WithSettings(this WorkflowState state, Func<ApplicationSettings, ApplicationSettings> change) =>
        state with { Deployment = state.Deployment with { Settings = change(state.Deployment.Settings) } };

    /// <summary>Runs a handler through its stream API, as Lambda and the gateway do.</summary>
    public static async Task<T> InvokeAsync<T>(JsonFunction<WorkflowState, T> handler, WorkflowState state, JsonTypeInfo<T> output)
    {
        var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(state, FunctionJsonContext.Default.WorkflowState));
        await using var response = await handler.InvokeAsync(input, CancellationToken.None);
        return (await JsonSerializer.DeserializeAsync(response, output))!;
    }

    /// <summary>Names of the target group's targets in state "healthy".</summary>
    public static async Task<IReadOnlyList<string>> HealthyTargetsAsync(FunctionsCloud cloud, string targetGroupArn) =>
        [.. (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn)).Where(t => t.State == "healthy").Select(t => t.TargetId)];

    public static async Task<AutoScalingGroup?> FindGroupAsync(FunctionsCloud cloud, string name) =>
        (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name])).SingleOrDefault();

    private static async Task<Deployment> NormalizeAsync(FunctionsCloud cloud, SampleApplication sample, string executionName)
    {
        var payload = new JsonObject
        {
            ["input"] = new JsonObject { ["application"] = sample.Application, ["imageId"] = sample.NewImageId },
            ["executionName"] = executionName,
            ["startedAt"] = "2026-11-27T10:00:00Z",
        };
        await using var response = await new NormalizeRequest(cloud.Services).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())));
        return (await JsonSerializer.DeserializeAsync(response, FunctionJsonContext.Default.Deployment))!;
    }

    private static async Task<GreenFleet> CreateGreenAsync(FunctionsCloud cloud, SampleApplication sample, Deployment deployment, AutoScalingGroup blue)
    {
        // moto ignores SourceVersion: send the source version's data with the new AMI.
        var template = new LaunchTemplateReference(sample.LaunchTemplateId);
        var source = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(template, ["$Latest"]));
        var version = await cloud.Aws.Ec2.CreateLaunchTemplateVersionAsync(
            template, source.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), source.Data with { ImageId = sample.NewImageId }, $"green of {deployment.DeploymentId}");
        var versionNumber = version.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var colour = deployment.Settings.ColorTag;
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(deployment.Names.GreenGroup, blue.MinSize, blue.MaxSize)
        {
            LaunchTemplate = new LaunchTemplateReference(version.TemplateId, Version: versionNumber),
            DesiredCapacity = blue.DesiredCapacity,
            SubnetIds = blue.SubnetIds,
            HealthCheckType = blue.HealthCheckType,
            HealthCheckGracePeriodSeconds = blue.HealthCheckGracePeriodSeconds,
            Tags =
            [
                new GroupTag(TagKeys.Application, deployment.Application),
                new GroupTag(TagKeys.Deployment, deployment.DeploymentId),
                new GroupTag(colour.Key, colour.Green),
            ],
        });
        return new GreenFleet(deployment.Names.GreenGroup, new LaunchTemplateSpec(version.TemplateId, versionNumber), CreatedLaunchTemplate: false);
    }
}
