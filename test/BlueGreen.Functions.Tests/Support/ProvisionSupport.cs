using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// Seeding for the provisioning tests: the workflow state as NormalizeRequest and DescribeLive
/// leave it (<see cref="WorkflowStates"/>), a blue group on a launch configuration, and the two
/// provisioning handlers invoked through <see cref="HandlerCalls"/>.
/// </summary>
public static class ProvisionSupport
{
    private const string AutoScalingVersion = "2011-01-01";

    /// <summary>The state after NormalizeRequest (real handler) and a live fleet read from <paramref name="blueGroup"/>.</summary>
    public static Task<WorkflowState> StateAsync(FunctionsCloud cloud, SampleApplication sample, string? blueGroup = null, string? executionName = null) =>
        WorkflowStates.NormalizedWithLiveAsync(cloud, sample, executionName ?? $"exec-{Guid.NewGuid():N}", blueGroup);

    /// <summary>A blue group launched from a launch configuration (our ports deliberately cannot make either).</summary>
    public static async Task<string> CreateLaunchConfigurationBlueAsync(FunctionsCloud cloud, SampleApplication sample, string userData)
    {
        var configuration = $"{sample.Application}-lc";
        var group = $"{sample.Application}-lc-blue";
        await cloud.Cloud.Raw.QueryAsync("autoscaling", "CreateLaunchConfiguration", AutoScalingVersion, Form(
            ("LaunchConfigurationName", configuration),
            ("ImageId", sample.OldImageId),
            ("InstanceType", "t3.small"),
            ("UserData", userData),
            ("EbsOptimized", "true"),
            ("InstanceMonitoring.Enabled", "true")));
        await cloud.Cloud.Raw.QueryAsync("autoscaling", "CreateAutoScalingGroup", AutoScalingVersion, Form(
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
        HandlerCalls.InvokeAsync(new ProvisionGreen(cloud.Services), state, FunctionJsonContext.Default.GreenFleet);

    public static Task<Progress> CheckInServiceAsync(FunctionsCloud cloud, WorkflowState state) =>
        HandlerCalls.InvokeAsync(new CheckGreenInService(cloud.Services), state, FunctionJsonContext.Default.Progress);

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => KeyValuePair.Create(p.Key, p.Value));
}
