using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BlueGreen.Local.Gateway;
using LocalGateway = BlueGreen.Local.Gateway.LocalGateway;
using BlueGreen.Local.Moto;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>One moto_server for the whole test run, behind a local gateway in strict wire mode: every
/// request our clients make (stamped with <see cref="WireChecks.Stamp"/>) must fit botocore's model of
/// its operation, or it fails with BlueGreenWireViolation. Tests keep apart by naming their resources uniquely.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _moto;
    private LocalGateway? _gateway;

    /// <summary>The gateway in front of moto: what our clients talk to.</summary>
    public Uri Endpoint => _gateway!.Endpoint;

    /// <summary>What strict wire mode has checked, and any violation.</summary>
    public WireChecks Wire => _gateway!.Wire;

    public AwsClients Clients { get; private set; } = null!;

    public RawAws Raw { get; private set; } = null!;

    /// <summary>The official EC2 client, for seeding what our port does not do (AMIs, subnets).</summary>
    public AmazonEC2Client Ec2Sdk { get; private set; } = null!;

    public IReadOnlyList<string> DefaultSubnetIds { get; private set; } = [];

    public string DefaultVpcId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync(new MotoServerOptions());
        _gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, StrictWire = true });
        _gateway.Upstream = _moto.Endpoint;
        Clients = new AwsClients(Settings(Endpoint), new WireChecks.Stamp());
        Raw = new RawAws(Endpoint);
        Ec2Sdk = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var subnets = await Ec2Sdk.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])] });
        DefaultSubnetIds = subnets.Subnets.Select(s => s.SubnetId).Order().Take(2).ToList();
        DefaultVpcId = subnets.Subnets[0].VpcId;
    }

    public static AwsSettings Settings(Uri endpoint, RetryOptions? retry = null) => new()
    {
        Region = RegionEndpoint.USEast1,
        Credentials = new BasicAWSCredentials("test", "test"),
        Endpoint = endpoint,
        Retry = retry ?? new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    };

    public async Task DisposeAsync()
    {
        Clients.Dispose();
        Raw.Dispose();
        Ec2Sdk.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }

        // Loud even where a test caught the refusal as just another AwsServiceException.
        _gateway?.Wire.ThrowIfAnyViolation();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
