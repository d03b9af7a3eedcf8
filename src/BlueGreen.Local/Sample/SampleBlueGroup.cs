using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Local.Sample;

/// <summary>Creates the sample's serving blue group, referencing its launch spec the way
/// <see cref="SampleOptions.BlueLaunchSpec"/> says.</summary>
internal static class SampleBlueGroup
{
    private const string AutoScalingVersion = "2011-01-01";

    public static async Task CreateAsync(
        PlainAwsCalls calls, AwsClients aws, SampleOptions options, string name, string templateId, string oldImage,
        IReadOnlyList<string> subnetIds, string targetGroup, CancellationToken cancellationToken)
    {
        if (options.BlueLaunchSpec == BlueLaunchSpec.LaunchConfiguration)
        {
            await CreateWithLaunchConfigurationAsync(calls, options, name, oldImage, subnetIds, targetGroup, cancellationToken);
            return;
        }

        var template = new LaunchTemplateReference(templateId, Version: options.BlueLaunchSpec switch
        {
            BlueLaunchSpec.DefaultVersion => "$Default",
            BlueLaunchSpec.ExplicitVersion => "1",
            _ => "$Latest",
        });
        var mixed = options.BlueLaunchSpec == BlueLaunchSpec.MixedInstancesPolicy;
        await aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(name, options.Capacity, options.Capacity * 2)
        {
            LaunchTemplate = mixed ? null : template,
            // One On-Demand instance, then half of the rest on Spot: the mix the fleets we serve often run.
            MixedInstancesPolicy = mixed ? new MixedInstancesPolicy(template, [new InstanceTypeOverride("t3.micro"), new InstanceTypeOverride("t3.small")], new InstancesDistribution(OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50, SpotAllocationStrategy: "price-capacity-optimized")) : null,
            DesiredCapacity = options.Capacity,
            SubnetIds = subnetIds,
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 60,
            TargetGroupArns = [targetGroup],
            Tags = [new GroupTag("Name", $"{options.Application}-web"), new GroupTag("team", "platform")],
        }, cancellationToken);
    }

    /// <summary>Our Auto Scaling port deliberately cannot create launch configurations (BlueGreen
    /// only reads them), so both calls are plain Query calls.</summary>
    private static async Task CreateWithLaunchConfigurationAsync(
        PlainAwsCalls calls, SampleOptions options, string name, string oldImage, IReadOnlyList<string> subnetIds, string targetGroup, CancellationToken cancellationToken)
    {
        var configuration = $"{options.Application}-web-lc";
        await calls.QueryAsync("autoscaling", "CreateLaunchConfiguration", AutoScalingVersion, Form(
            ("LaunchConfigurationName", configuration), ("ImageId", oldImage), ("InstanceType", "t3.micro")), cancellationToken);
        await calls.QueryAsync("autoscaling", "CreateAutoScalingGroup", AutoScalingVersion, Form(
            ("AutoScalingGroupName", name), ("LaunchConfigurationName", configuration),
            ("MinSize", $"{options.Capacity}"), ("MaxSize", $"{options.Capacity * 2}"), ("DesiredCapacity", $"{options.Capacity}"),
            ("VPCZoneIdentifier", string.Join(',', subnetIds)), ("HealthCheckType", "ELB"), ("HealthCheckGracePeriod", "60"),
            ("TargetGroupARNs.member.1", targetGroup),
            ("Tags.member.1.Key", "Name"), ("Tags.member.1.Value", $"{options.Application}-web"),
            ("Tags.member.2.Key", "team"), ("Tags.member.2.Value", "platform")), cancellationToken);
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => KeyValuePair.Create(p.Key, p.Value));
}
