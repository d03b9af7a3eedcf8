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
        var group = new NewAutoScalingGroup(name, options.Capacity, options.Capacity * 2)
        {
            DesiredCapacity = options.Capacity,
            SubnetIds = subnetIds,
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 60,
            TargetGroupArns = [targetGroup],
            Tags = [new GroupTag("Name", $"{options.Application}-web"), new GroupTag("team", "platform")],
        };
        if (options.BlueLaunchSpec == BlueLaunchSpec.LaunchConfiguration)
        {
            // The old way, which BlueGreen itself never takes: a launch configuration.
            var configuration = $"{options.Application}-web-lc";
            await aws.AutoScaling.CreateLaunchConfigurationAsync(configuration, oldImage, "t3.micro", cancellationToken);
            await aws.AutoScaling.CreateAutoScalingGroupAsync(group with { LaunchConfigurationName = configuration }, cancellationToken);
            return;
        }

        var template = new LaunchTemplateReference(templateId, Version: options.BlueLaunchSpec switch
        {
            BlueLaunchSpec.DefaultVersion => "$Default",
            BlueLaunchSpec.ExplicitVersion => "1",
            _ => "$Latest",
        });
        await aws.AutoScaling.CreateAutoScalingGroupAsync(options.BlueLaunchSpec == BlueLaunchSpec.MixedInstancesPolicy
            // One On-Demand instance, then half of the rest on Spot: the mix the fleets we serve often run.
            ? group with { MixedInstancesPolicy = new MixedInstancesPolicy(template, [new InstanceTypeOverride("t3.micro"), new InstanceTypeOverride("t3.small")], new InstancesDistribution(OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50, SpotAllocationStrategy: "price-capacity-optimized")) }
            : group with { LaunchTemplate = template },
            cancellationToken);
    }
}
