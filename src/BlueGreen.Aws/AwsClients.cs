using Amazon.Runtime;
using Amazon.Runtime.Signing;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;
using Polly;

namespace BlueGreen.Aws;

/// <summary>
/// Builds every AWS client from one <see cref="AwsSettings"/>, over one connection pool and one
/// SigV4 signer. Create it once per process (Lambda container, local cloud, CLI) and share it.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly AwsSettings _settings;
    private readonly HttpMessageHandler _transport;
    private readonly HttpClient _signedHttp;
    private readonly HttpClient _sdkHttp;
    private readonly ResiliencePipeline _retry;

    /// <param name="interceptor">Optional handler placed between signing and the network, so
    /// tests can answer some requests themselves (throttling, faults) and pass the rest on.</param>
    public AwsClients(AwsSettings settings, DelegatingHandler? interceptor = null)
    {
        _settings = settings;
        HttpMessageHandler transport = new SocketsHttpHandler
        {
            // A redirect followed below the signer would arrive unsigned or with a stale signature.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (interceptor is not null)
        {
            interceptor.InnerHandler = transport;
            transport = interceptor;
        }

        _transport = transport;
        // Signing region and service are set per request by AwsChannel; these are only defaults.
        _signedHttp = new HttpClient(new SigV4SigningHandler(settings.Credentials, settings.Region, "unset", transport), disposeHandler: false);
        _sdkHttp = new HttpClient(transport, disposeHandler: false);
        _retry = RetryPipeline.Create(settings.Retry, settings.TimeProvider);

        CloudWatch = new CloudWatchClient(new QueryProtocol(Channel(CloudWatchClient.Service), CloudWatchClient.Version));
    }

    public ICloudWatch CloudWatch { get; }

    private AwsChannel Channel(AwsService service) =>
        new(_signedHttp, _retry, service, ServiceEndpoint.Resolve(service, _settings));

    public void Dispose()
    {
        _signedHttp.Dispose();
        _sdkHttp.Dispose();
        _transport.Dispose();
    }
}
