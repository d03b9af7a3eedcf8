using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Tests.Provisioning;

public sealed class GreenGroupSpecTests
{
    private static readonly LaunchTemplateSpec Green = new("lt-green", "7");

    [Fact]
    public void From_MixedInstancesBlue_KeepsThePolicyWithGreensTemplate()
    {
        var policy = new MixedInstancesPolicy(
            new LaunchTemplateReference("lt-blue", Version: "3"),
            [new InstanceTypeOverride("m5.large"), new InstanceTypeOverride("m6i.large", "2")],
            new InstancesDistribution(OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 25, SpotAllocationStrategy: "price-capacity-optimized"));
        var blue = Blue() with { LaunchTemplate = null, MixedInstancesPolicy = policy };

        var green = GreenGroupSpec.From(blue, "shop-abc", Green, [], []);

        Assert.Null(green.LaunchTemplate);
        Assert.Equal(new LaunchTemplateReference("lt-green", Version: "7"), green.MixedInstancesPolicy!.LaunchTemplate);
        Assert.Same(policy.Overrides, green.MixedInstancesPolicy.Overrides);
        Assert.Equal(policy.Distribution, green.MixedInstancesPolicy.Distribution);
    }

    [Fact]
    public void From_AnyBlue_NoTargetGroupsAndBluesSizesHooksAndHealthCheck()
    {
        var hook = new LifecycleHook("warm", "autoscaling:EC2_INSTANCE_LAUNCHING", 600, "ABANDON");

        var green = GreenGroupSpec.From(Blue(), "shop-abc", Green, [hook], []);

        Assert.Empty(green.TargetGroupArns);
        Assert.Equal((2, 6, 4), (green.MinSize, green.MaxSize, green.DesiredCapacity));
        Assert.Equal(["subnet-a", "subnet-b"], green.SubnetIds);
        Assert.Empty(green.AvailabilityZones);
        Assert.Equal(("ELB", 90), (green.HealthCheckType, green.HealthCheckGracePeriodSeconds));
        Assert.Equal(["OldestInstance"], green.TerminationPolicies);
        Assert.Equal([hook], green.LifecycleHooks);
        Assert.Equal(new LaunchTemplateReference("lt-green", Version: "7"), green.LaunchTemplate);
    }

    [Fact]
    public void GreenTags_BlueCarriesOurTagsAndACustomColorKey_DropsThemAndAddsGreens()
    {
        var color = new ColorTag("env:color", "live", "next");
        GroupTag[] blue = [new("Name", "web"), new("env:color", "live"), new("bluegreen:deployment", "old"), new("bluegreen:application", "shop"), new("cost", "42", false)];

        var tags = GreenTags.For(blue, "shop", "newdeploymnt", color);

        Assert.Equal(
            [new GroupTag("Name", "web"), new GroupTag("cost", "42", false), new GroupTag("bluegreen:application", "shop"), new GroupTag("bluegreen:deployment", "newdeploymnt"), new GroupTag("env:color", "next")],
            tags);
    }

    private static AutoScalingGroup Blue() => new(
        "shop-blue", null, new LaunchTemplateReference("lt-blue", Version: "3"), null, null,
        2, 6, 4, ["us-east-1a", "us-east-1b"], ["subnet-a", "subnet-b"], "ELB", 90, ["OldestInstance"],
        ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/0123"], [], [], null, null);
}
