using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.LoadBalancing;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>The official EC2 client, our own clients and plain calls, pointed straight at one moto
/// (no gateway), with the few resources the workaround tests build on.</summary>
public sealed class MotoSdkClients : IDisposable
{
    public MotoSdkClients(Uri endpoint)
    {
        var credentials = new BasicAWSCredentials("test", "test");
        Ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        Ours = new AwsClients(new AwsSettings { Region = RegionEndpoint.USEast1, Credentials = credentials, Endpoint = endpoint });

    }

    public IAmazonEC2 Ec2 { get; }

    public AwsClients Ours { get; }

    /// <summary>A launch-template group (not yet created) of <paramref name="desired"/> instances in us-east-1a.</summary>
    public async Task<NewAutoScalingGroup> NewGroupAsync(int desired = 1, IReadOnlyList<string>? targetGroupArns = null)
    {
        var template = await Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = $"lt-{Guid.NewGuid():N}",
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-12c6146b", InstanceType = "t3.micro" },
        });
        return new NewAutoScalingGroup($"asg-{Guid.NewGuid():N}", 0, 4)
        {
            LaunchTemplate = new LaunchTemplateReference(template.LaunchTemplate.LaunchTemplateId, Version: "$Latest"),
            DesiredCapacity = desired,
            AvailabilityZones = ["us-east-1a"],
            TargetGroupArns = targetGroupArns ?? [],
        };
    }

    public async Task<string> CreateTargetGroupAsync()
    {
        var vpc = (await Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs[0].VpcId;
        return (await Ours.LoadBalancing.CreateTargetGroupAsync(new NewTargetGroup($"tg-{Guid.NewGuid():N}"[..20], vpc))).Arn;
    }

    public void Dispose()
    {
        Ec2.Dispose();
        Ours.Dispose();
    }
}
