using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Local.Sample;

/// <summary>Creates the sample's serving blue group, referencing its launch spec the way
/// <see cref="SampleOptions.BlueLaunchSpec"/> says.</summary>
internal static class SampleBlueGroup
{
    public static async Task CreateAsync(
        AwsClients aws, SampleOptions options, string name, string templateId, string oldImage,
        IReadOnlyList<string> subnetIds, string targetGroup, CancellationToken cancellationToken)
    {
        if (options.BlueLaunchSpec == BlueLaunchSpec.LaunchConfiguration)
        {
            await CreateWithLaunchConfigurationAsync(aws.AutoScaling, options, name, oldImage, subnetIds, targetGroup, cancellationToken);
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

    /// <summary>A group the old way: from a launch configuration, which BlueGreen itself never makes.</summary>
    private static async Task CreateWithLaunchConfigurationAsync(
        IAutoScaling autoScaling, SampleOptions options, string name, string oldImage, IReadOnlyList<string> subnetIds, string targetGroup, CancellationToken cancellationToken)
    {
        var configuration = $"{options.Application}-web-lc";
        await autoScaling.CreateLaunchConfigurationAsync(configuration, oldImage, "t3.micro", cancellationToken);
        await autoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(name, options.Capacity, options.Capacity * 2)
        {
            LaunchConfigurationName = configuration,
            DesiredCapacity = options.Capacity,
            SubnetIds = subnetIds,
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 60,
            TargetGroupArns = [targetGroup],
            Tags = [new GroupTag("Name", $"{options.Application}-web"), new GroupTag("team", "platform")],
        }, cancellationToken);
    }
}
