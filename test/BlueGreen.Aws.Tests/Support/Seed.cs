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
}
