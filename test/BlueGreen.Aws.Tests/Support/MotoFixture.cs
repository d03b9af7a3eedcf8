using Amazon;
using Amazon.Runtime;
using BlueGreen.Local.Moto;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>One moto_server for the whole test run; tests keep apart by naming their resources uniquely.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    public Uri Endpoint => _moto!.Endpoint;

    public AwsClients Clients { get; private set; } = null!;

    public RawAws Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync(new MotoServerOptions());
        Clients = new AwsClients(Settings(Endpoint));
        Raw = new RawAws(Endpoint);
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
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
