using Amazon.EC2.Model;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.LoadBalancing;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>Seeding helpers for resources our ports only read.</summary>
public static class Seed
{
    public static Task<string> RegisterImageAsync(this MotoFixture moto, IReadOnlyDictionary<string, string> tags) =>
        moto.Clients.Ec2.RegisterImageAsync(Unique.Name("image"), tags);

    public static async Task<LaunchTemplateInfo> CreateLaunchTemplateAsync(this MotoFixture moto, string imageId = "ami-12c6146b") =>
        await moto.Clients.Ec2.CreateLaunchTemplateAsync(
            Unique.Name("lt"), new LaunchTemplateData { ImageId = imageId, InstanceType = "t3.micro" });

    /// <summary>A launch-template group in the default subnets, with <paramref name="desired"/> instances.</summary>
    public static async Task<NewAutoScalingGroup> CreateGroupAsync(this MotoFixture moto, int desired = 1, IReadOnlyList<GroupTag>? tags = null)
    {
        var template = await moto.CreateLaunchTemplateAsync();
        var group = new NewAutoScalingGroup(Unique.Name("asg"), 0, 4)
        {
            LaunchTemplate = new LaunchTemplateReference(template.Id, Version: "$Latest"),
            DesiredCapacity = desired,
            SubnetIds = moto.DefaultSubnetIds,
            Tags = tags ?? [],
        };
        await moto.Clients.AutoScaling.CreateAutoScalingGroupAsync(group);
        return group;
    }

    public static async Task<AutoScalingGroup> DescribeGroupAsync(this MotoFixture moto, string name) =>
        Assert.Single(await moto.Clients.AutoScaling.DescribeAutoScalingGroupsAsync([name]));

    public static async Task<string> CreateTargetGroupAsync(this MotoFixture moto) =>
        (await moto.Clients.LoadBalancing.CreateTargetGroupAsync(new NewTargetGroup(Unique.Name("tg"), moto.DefaultVpcId) { HealthCheckPath = "/health" })).Arn;

    /// <summary>An ALB whose HTTP listener forwards to <c>Blue</c>, with a path rule forwarding to it too.</summary>
    public static async Task<TrafficPath> CreateTrafficPathAsync(this MotoFixture moto)
    {
        var blue = await moto.CreateTargetGroupAsync();
        var green = await moto.CreateTargetGroupAsync();
        var lb = await moto.Clients.LoadBalancing.CreateLoadBalancerAsync(Unique.Name("alb"), [moto.DefaultSubnetIds[0], moto.DefaultSubnetIds[1]]);
        var listenerArn = await moto.Clients.LoadBalancing.CreateListenerAsync(lb.Arn, "HTTP", 80, blue);
        // Our port makes no rules (BlueGreen only modifies them).
        var rule = await moto.Raw.QueryAsync("elasticloadbalancing", "CreateRule", "2015-12-01",
            ("ListenerArn", listenerArn), ("Priority", "10"),
            ("Conditions.member.1.Field", "path-pattern"), ("Conditions.member.1.Values.member.1", "/shop/*"),
            ("Actions.member.1.Type", "forward"), ("Actions.member.1.TargetGroupArn", blue));
        return new TrafficPath(lb.Arn, lb.DnsName, listenerArn, rule.Descendants().First(e => e.Name.LocalName == "RuleArn").Value, blue, green);
    }

    public static async Task<IReadOnlyList<string>> RunInstancesAsync(this MotoFixture moto, int count)
    {
        var response = await moto.Ec2Sdk.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-12c6146b",
            InstanceType = Amazon.EC2.InstanceType.T3Micro,
            MinCount = count,
            MaxCount = count,
            SubnetId = moto.DefaultSubnetIds[0],
        });
        return response.Reservation.Instances.Select(i => i.InstanceId).ToList();
    }
}

public sealed record TrafficPath(string LoadBalancerArn, string DnsName, string ListenerArn, string RuleArn, string BlueTargetGroupArn, string GreenTargetGroupArn);
