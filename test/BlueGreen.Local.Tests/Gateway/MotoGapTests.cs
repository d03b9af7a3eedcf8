using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Gateway;

/// <summary>What the blue/green workflow needs from ELBv2 and Auto Scaling, checked against moto
/// through the gateway (docs/local-cloud.md lists the findings).</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class MotoGapTests
{
    private readonly LocalCloud _cloud;
    private readonly Fleet _fleet;

    public MotoGapTests(LocalCloudFixture fixture)
    {
        _cloud = fixture.Cloud;
        _cloud.Faults.Clear();
        _fleet = new Fleet(_cloud.Raw);
    }

    private static (string Key, string Value)[] Forward(string prefix, string blue, int blueWeight, string green, int greenWeight) =>
    [
        ($"{prefix}.member.1.Type", "forward"),
        ($"{prefix}.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn", blue),
        ($"{prefix}.member.1.ForwardConfig.TargetGroups.member.1.Weight", blueWeight.ToString()),
        ($"{prefix}.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn", green),
        ($"{prefix}.member.1.ForwardConfig.TargetGroups.member.2.Weight", greenWeight.ToString()),
    ];

    private static Dictionary<string, string> Weights(System.Xml.Linq.XDocument document) =>
        Fleet.All(document, "TargetGroups").First().Elements()
            .ToDictionary(m => Fleet.Child(m, "TargetGroupArn")!, m => Fleet.Child(m, "Weight")!);

    [Fact]
    public async Task ModifyListenerAndRule_ForwardConfigWeights_KeptAndDescribed()
    {
        await _fleet.CreateNetworkAsync();
        var subnetB = Fleet.First(await _fleet.Ec2("CreateSubnet", ("VpcId", _fleet.VpcId), ("CidrBlock", "10.1.2.0/24"), ("AvailabilityZone", "us-east-1b")), "subnetId");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var blue = await _fleet.CreateTargetGroupAsync("blue-" + suffix);
        var green = await _fleet.CreateTargetGroupAsync("green-" + suffix);
        var balancer = Fleet.First(await _fleet.Elb("CreateLoadBalancer", ("Name", "lb-" + suffix), ("Subnets.member.1", _fleet.SubnetId), ("Subnets.member.2", subnetB)), "LoadBalancerArn");
        var listener = Fleet.First(await _fleet.Elb("CreateListener",
            [("LoadBalancerArn", balancer), ("Protocol", "HTTP"), ("Port", "80"), .. Forward("DefaultActions", blue, 100, green, 0)]), "ListenerArn");
        var rule = Fleet.First(await _fleet.Elb("CreateRule",
            [("ListenerArn", listener), ("Priority", "10"), ("Conditions.member.1.Field", "path-pattern"), ("Conditions.member.1.Values.member.1", "/api/*"),
             .. Forward("Actions", blue, 100, green, 0)]), "RuleArn");

        await _fleet.Elb("ModifyListener", [("ListenerArn", listener), .. Forward("DefaultActions", blue, 75, green, 25)]);
        await _fleet.Elb("ModifyRule", [("RuleArn", rule), .. Forward("Actions", blue, 0, green, 100)]);

        var listenerWeights = Weights(await _fleet.Elb("DescribeListeners", ("ListenerArns.member.1", listener)));
        Assert.Equal("75", listenerWeights[blue]);
        Assert.Equal("25", listenerWeights[green]);
        var ruleWeights = Weights(await _fleet.Elb("DescribeRules", ("RuleArns.member.1", rule)));
        Assert.Equal("0", ruleWeights[blue]);
        Assert.Equal("100", ruleWeights[green]);
    }

    [Fact]
    public async Task DescribeTargetHealth_AttachDetachAndScaleIn_HealthyThenGone()
    {
        await _fleet.CreateNetworkAsync();
        var image = (await _fleet.ImageIdsAsync(1))[0];
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var targetGroup = await _fleet.CreateTargetGroupAsync("tg-" + suffix);
        var other = await _fleet.CreateTargetGroupAsync("other-" + suffix);
        var instances = await _fleet.CreateGroupAsync("g-" + suffix, image, 2, targetGroup);

        // Attached by Auto Scaling: registered and (moto has no "initial" phase) healthy at once.
        var attached = await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", targetGroup));
        Assert.Equal(["healthy", "healthy"], Fleet.All(attached, "State").Select(s => s.Value));

        await _fleet.AutoScaling("AttachLoadBalancerTargetGroups", ("AutoScalingGroupName", "g-" + suffix), ("TargetGroupARNs.member.1", other));
        await _fleet.AutoScaling("DetachLoadBalancerTargetGroups", ("AutoScalingGroupName", "g-" + suffix), ("TargetGroupARNs.member.1", targetGroup));
        Assert.Empty(Fleet.All(await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", targetGroup)), "State"));

        // Scale-in terminates the instances; moto would still call them healthy targets.
        await _fleet.AutoScaling("UpdateAutoScalingGroup", ("AutoScalingGroupName", "g-" + suffix), ("MinSize", "0"), ("DesiredCapacity", "0"));
        Assert.Empty(Fleet.All(await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", other)), "State"));
        var asked = await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", other), ("Targets.member.1.Id", instances[0]));
        Assert.Equal("unused", Fleet.First(asked, "State"));
        Assert.Equal("Target.NotRegistered", Fleet.First(asked, "Reason"));
    }
}
