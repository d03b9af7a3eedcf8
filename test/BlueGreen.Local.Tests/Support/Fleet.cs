using System.Xml.Linq;

namespace BlueGreen.Local.Tests.Support;

/// <summary>A VPC, a target group and Auto Scaling groups made through the gateway with plain
/// Query calls, for the health and traffic tests.</summary>
public sealed class Fleet(RawAws aws)
{
    public string VpcId { get; private set; } = string.Empty;

    public string SubnetId { get; private set; } = string.Empty;

    public static string First(XDocument document, string localName) =>
        document.Descendants().First(e => e.Name.LocalName == localName).Value;

    public static IEnumerable<XElement> All(XDocument document, string localName) =>
        document.Descendants().Where(e => e.Name.LocalName == localName);

    public static string? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public async Task CreateNetworkAsync()
    {
        VpcId = First(await Ec2("CreateVpc", ("CidrBlock", "10.1.0.0/16")), "vpcId");
        SubnetId = First(await Ec2("CreateSubnet", ("VpcId", VpcId), ("CidrBlock", "10.1.1.0/24"), ("AvailabilityZone", "us-east-1a")), "subnetId");
    }

    public async Task<IReadOnlyList<string>> ImageIdsAsync(int count)
    {
        var images = await Ec2("DescribeImages", ("Owner.1", "amazon"));
        return [.. All(images, "imageId").Select(e => e.Value).Distinct().Take(count)];
    }

    public async Task<string> CreateTargetGroupAsync(string name) =>
        First(await Elb("CreateTargetGroup", ("Name", name), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", VpcId)), "TargetGroupArn");

    public async Task<IReadOnlyList<string>> CreateGroupAsync(string name, string imageId, int size, string targetGroupArn)
    {
        await AutoScaling("CreateLaunchConfiguration", ("LaunchConfigurationName", name), ("ImageId", imageId), ("InstanceType", "t3.micro"));
        await AutoScaling("CreateAutoScalingGroup", ("AutoScalingGroupName", name), ("LaunchConfigurationName", name),
            ("MinSize", "0"), ("MaxSize", "4"), ("DesiredCapacity", size.ToString()), ("VPCZoneIdentifier", SubnetId),
            ("TargetGroupARNs.member.1", targetGroupArn));
        return await InstanceIdsAsync(name);
    }

    public async Task<IReadOnlyList<string>> InstanceIdsAsync(string group)
    {
        var groups = await AutoScaling("DescribeAutoScalingGroups", ("AutoScalingGroupNames.member.1", group));
        return [.. All(groups, "InstanceId").Select(e => e.Value)];
    }

    public Task<XDocument> Ec2(string action, params (string Key, string Value)[] parameters) =>
        aws.QueryAsync("ec2", action, "2016-11-15", parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    public Task<XDocument> Elb(string action, params (string Key, string Value)[] parameters) =>
        aws.QueryAsync("elasticloadbalancing", action, "2015-12-01", parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    public Task<XDocument> AutoScaling(string action, params (string Key, string Value)[] parameters) =>
        aws.QueryAsync("autoscaling", action, "2011-01-01", parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    public Task<XDocument> CloudWatch(string action, params (string Key, string Value)[] parameters) =>
        aws.QueryAsync("monitoring", action, "2010-08-01", parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
}
