using Amazon.EC2.Model;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>Seeding helpers for resources our ports only read.</summary>
public static class Seed
{
    public static Task CreateAlarmAsync(this MotoFixture moto, string name) =>
        moto.Raw.QueryAsync("monitoring", "2010-08-01", "PutMetricAlarm",
            ("AlarmName", name), ("MetricName", "Errors"), ("Namespace", "BlueGreen/Test"), ("Statistic", "Sum"),
            ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"), ("ComparisonOperator", "GreaterThanOrEqualToThreshold"));

    public static async Task<string> RegisterImageAsync(this MotoFixture moto, IReadOnlyDictionary<string, string> tags)
    {
        var image = await moto.Ec2Sdk.RegisterImageAsync(new RegisterImageRequest { Name = Unique.Name("image"), RootDeviceName = "/dev/xvda" });
        if (tags.Count > 0)
        {
            await moto.Ec2Sdk.CreateTagsAsync(new CreateTagsRequest([image.ImageId], tags.Select(t => new Tag(t.Key, t.Value)).ToList()));
        }

        return image.ImageId;
    }

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

    private const string Elbv2 = "2015-12-01";

    public static async Task<string> CreateTargetGroupAsync(this MotoFixture moto)
    {
        var result = await moto.Raw.QueryAsync("elasticloadbalancing", Elbv2, "CreateTargetGroup",
            ("Name", Unique.Name("tg")), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", moto.DefaultVpcId), ("TargetType", "instance"),
            ("HealthCheckPath", "/health"));
        return result.Descendants().First(e => e.Name.LocalName == "TargetGroupArn").Value;
    }

    /// <summary>An ALB whose HTTP listener forwards to <c>Blue</c>, with a path rule forwarding to it too.</summary>
    public static async Task<TrafficPath> CreateTrafficPathAsync(this MotoFixture moto)
    {
        var blue = await moto.CreateTargetGroupAsync();
        var green = await moto.CreateTargetGroupAsync();
        var lb = await moto.Raw.QueryAsync("elasticloadbalancing", Elbv2, "CreateLoadBalancer",
            ("Name", Unique.Name("alb")), ("Subnets.member.1", moto.DefaultSubnetIds[0]), ("Subnets.member.2", moto.DefaultSubnetIds[1]),
            ("Type", "application"), ("Scheme", "internet-facing"));
        var lbArn = Value(lb, "LoadBalancerArn");
        var listener = await moto.Raw.QueryAsync("elasticloadbalancing", Elbv2, "CreateListener",
            ("LoadBalancerArn", lbArn), ("Protocol", "HTTP"), ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", blue));
        var listenerArn = Value(listener, "ListenerArn");
        var rule = await moto.Raw.QueryAsync("elasticloadbalancing", Elbv2, "CreateRule",
            ("ListenerArn", listenerArn), ("Priority", "10"),
            ("Conditions.member.1.Field", "path-pattern"), ("Conditions.member.1.Values.member.1", "/shop/*"),
            ("Actions.member.1.Type", "forward"), ("Actions.member.1.TargetGroupArn", blue));
        return new TrafficPath(lbArn, Value(lb, "DNSName"), listenerArn, Value(rule, "RuleArn"), blue, green);
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

    private static string Value(System.Xml.Linq.XElement result, string name) =>
        result.Descendants().First(e => e.Name.LocalName == name).Value;
}

public sealed record TrafficPath(string LoadBalancerArn, string DnsName, string ListenerArn, string RuleArn, string BlueTargetGroupArn, string GreenTargetGroupArn);
