using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using BlueGreen.Aws;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>The official EC2 client and our own clients, pointed straight at one moto (no gateway).</summary>
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

    public void Dispose()
    {
        Ec2.Dispose();
        Ours.Dispose();
    }
}
