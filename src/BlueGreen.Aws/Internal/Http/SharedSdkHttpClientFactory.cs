using Amazon.Runtime;

namespace BlueGreen.Aws.Internal.Http;

/// <summary>Makes the official SDK clients (EC2, SSM, DynamoDB) use our one connection pool
/// instead of each opening its own.</summary>
internal sealed class SharedSdkHttpClientFactory(HttpClient shared) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => shared;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
