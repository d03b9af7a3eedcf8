using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// Seeding for the provisioning tests: the workflow state as NormalizeRequest and DescribeLive
/// leave it (the live fleet is read here directly, so these tests do not depend on DescribeLive),
/// a blue group on a launch configuration, and handler invocation through the stream API.
/// </summary>
public static class ProvisionSupport
{
    private const string AutoScalingVersion = "2011-01-01";

    /// <summary>The state after NormalizeRequest (real handler) and a live fleet read from <paramref name="blueGroup"/>.</summary>
    public static async Task<WorkflowState> StateAsync(FunctionsCloud cloud, SampleApplication sample, string? blueGroup = null, string? executionName = null)
    {
        var normalize = new NormalizeRequest(cloud.Services);
        var payload = new JsonObject
        {
            ["input"] = new JsonObject { ["application"] = sample.Application, ["imageId"] = sample.NewImageId },
            ["executionName"] = executionName ?? $"exec-{Guid.NewGuid():N}",
            ["startedAt"] = "2026-11-27T10:00:00Z",
        };
        await using var response = await normalize.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())));
        var deployment = (await JsonSerializer.DeserializeAsync(response, FunctionJsonContext.Default.Deployment))!;
        return new WorkflowState { Deployment = deployment, Live = await LiveFleetAsync(cloud, blueGroup ?? sample.BlueGroup) };
    }

    /// <summary>What DescribeLive reports: the group as described, its launch template pinned to the latest version number.</summary>
    public static async Task<LiveFleet> LiveFleetAsync(FunctionsCloud cloud, string groupName)
    {
        var group = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([groupName]));
        LaunchTemplateSpec? template = null;
        if ((group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate) is { } reference)
        {
            var latest = Assert.Single(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(reference.Id, reference.Name), ["$Latest"]));
            template = new LaunchTemplateSpec(latest.TemplateId, latest.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new LiveFleet(
            group.Name,
            template,
            group.LaunchConfigurationName,
            group.MinSize,
            group.MaxSize,
            group.DesiredCapacity,
            group.SubnetIds,
            group.TargetGroupArns,
            group.Instances.Select(i => i.InstanceId).ToList(),
            Adopted: true);
    }

    /// <summary>A blue group launched from a launch configuration (our ports deliberately cannot make either).</summary>
    public static async Task<string> CreateLaunchConfigurationBlueAsync(FunctionsCloud cloud, SampleApplication sample, string userData)
    {
        var configuration = $"{sample.Application}-lc";
        var group = $"{sample.Application}-lc-blue";
        await cloud.Cloud.Aws.QueryAsync("autoscaling", "CreateLaunchConfiguration", AutoScalingVersion, Form(
            ("LaunchConfigurationName", configuration),
            ("ImageId", sample.OldImageId),
            ("InstanceType", "t3.small"),
            ("UserData", userData),
            ("EbsOptimized", "true"),
            ("InstanceMonitoring.Enabled", "true")));
        await cloud.Cloud.Aws.QueryAsync("autoscaling", "CreateAutoScalingGroup", AutoScalingVersion, Form(
            ("AutoScalingGroupName", group),
            ("LaunchConfigurationName", configuration),
            ("MinSize", "1"),
            ("MaxSize", "3"),
            ("DesiredCapacity", "2"),
            ("VPCZoneIdentifier", string.Join(',', sample.SubnetIds)),
            ("Tags.member.1.ResourceId", group),
            ("Tags.member.1.ResourceType", "auto-scaling-group"),
            ("Tags.member.1.Key", "Name"),
            ("Tags.member.1.Value", "lc-web"),
            ("Tags.member.1.PropagateAtLaunch", "true")));
        return group;
    }

    public static Task<GreenFleet> ProvisionAsync(FunctionsCloud cloud, WorkflowState state) =>
        InvokeAsync(new ProvisionGreen(cloud.Services).HandleAsync, state, FunctionJsonContext.Default.GreenFleet);

    public static Task<Progress> CheckInServiceAsync(FunctionsCloud cloud, WorkflowState state) =>
        InvokeAsync(new CheckGreenInService(cloud.Services).HandleAsync, state, FunctionJsonContext.Default.Progress);

    private static async Task<T> InvokeAsync<T>(Func<Stream, Task<Stream>> handler, WorkflowState state, JsonTypeInfo<T> output)
    {
        var input = JsonSerializer.SerializeToUtf8Bytes(state, FunctionJsonContext.Default.WorkflowState);
        await using var response = await handler(new MemoryStream(input));
        return (await JsonSerializer.DeserializeAsync(response, output))!;
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => KeyValuePair.Create(p.Key, p.Value));
}
