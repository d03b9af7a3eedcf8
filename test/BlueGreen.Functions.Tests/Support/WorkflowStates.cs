using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// The first part of every seeded workflow state, as the state machine builds it: the deployment
/// from the real NormalizeRequest, and blue read as DescribeLive reports it (read here directly, so
/// tests of later states do not depend on DescribeLive). Area files add green, locks and the rest.
/// </summary>
public static class WorkflowStates
{
    /// <summary>The deployment NormalizeRequest makes for this application, image and execution.</summary>
    public static Task<Deployment> NormalizeAsync(FunctionsCloud cloud, string application, string imageId, string executionName, string? executionArn = null, string startedAt = HandlerCalls.StartedAt) =>
        HandlerCalls.NormalizeAsync(
            new NormalizeRequest(cloud.Services),
            new JsonObject { ["application"] = application, ["imageId"] = imageId },
            executionName,
            executionArn,
            startedAt);

    /// <summary>The deployment NormalizeRequest makes for the sample's new image.</summary>
    public static Task<Deployment> NormalizeAsync(FunctionsCloud cloud, SampleApplication sample, string executionName, string? executionArn = null, string startedAt = HandlerCalls.StartedAt) =>
        NormalizeAsync(cloud, sample.Application, sample.NewImageId, executionName, executionArn, startedAt);

    /// <summary>The state after NormalizeRequest with blue as live fleet.</summary>
    public static async Task<WorkflowState> NormalizedWithLiveAsync(FunctionsCloud cloud, SampleApplication sample, string executionName, string? blueGroup = null)
    {
        var deployment = await NormalizeAsync(cloud, sample, executionName);
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
}
