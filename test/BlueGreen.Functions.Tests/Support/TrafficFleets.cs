using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// The state a traffic-side handler sees, built from the seeded sample without DescribeLive and
/// ProvisionGreen (written elsewhere): the deployment and blue from <see cref="WorkflowStates"/>,
/// green = a second group on a new launch template version with the new AMI, tagged
/// application/deployment/color=green, blue's sizes, in no target group.
/// </summary>
public static class TrafficFleets
{
    public static async Task<(SampleApplication Sample, WorkflowState State)> SeedAsync(FunctionsCloud cloud, int capacity = 2)
    {
        var sample = await cloud.SeedSampleAsync(capacity);
        var state = await WorkflowStates.NormalizedWithLiveAsync(cloud, sample, "exec-" + Guid.NewGuid().ToString("N")[..12]);
        var blue = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        var green = await CreateGreenAsync(cloud, sample, state.Deployment, blue);
        return (sample, state with { Green = green });
    }

    /// <summary>The same state with changed effective settings (as a request override would give).</summary>
    public static WorkflowState WithSettings(this WorkflowState state, Func<ApplicationSettings, ApplicationSettings> change) =>
        state with { Deployment = state.Deployment with { Settings = change(state.Deployment.Settings) } };

    /// <summary>Names of the target group's targets in state "healthy".</summary>
    public static async Task<IReadOnlyList<string>> HealthyTargetsAsync(FunctionsCloud cloud, string targetGroupArn) =>
        [.. (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn)).Where(t => t.State == "healthy").Select(t => t.TargetId)];

    public static async Task<AutoScalingGroup?> FindGroupAsync(FunctionsCloud cloud, string name) =>
        (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([name])).SingleOrDefault();

    private static async Task<GreenFleet> CreateGreenAsync(FunctionsCloud cloud, SampleApplication sample, Deployment deployment, AutoScalingGroup blue)
    {
        // As ProvisionGreen makes it: the deployment's own template, a copy of blue's with the new AMI.
        var spec = await GreenTemplate.CreateAsync(cloud, sample, deployment);
        var color = deployment.Settings.ColorTag;
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(deployment.Names.GreenGroup, blue.MinSize, blue.MaxSize)
        {
            LaunchTemplate = new LaunchTemplateReference(spec.Id, Version: spec.Version),
            DesiredCapacity = blue.DesiredCapacity,
            SubnetIds = blue.SubnetIds,
            HealthCheckType = blue.HealthCheckType,
            HealthCheckGracePeriodSeconds = blue.HealthCheckGracePeriodSeconds,
            Tags =
            [
                new GroupTag(TagKeys.Application, deployment.Application),
                new GroupTag(TagKeys.Deployment, deployment.DeploymentId),
                new GroupTag(color.Key, color.Green),
            ],
        });
        return new GreenFleet(deployment.Names.GreenGroup, spec);
    }
}
