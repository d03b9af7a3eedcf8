namespace BlueGreen.Aws.Internal.Http;

/// <summary>The URL a service is called at and the region its requests are signed for.</summary>
/// <param name="IsConfigured">Set by an AWS_ENDPOINT_URL variable rather than derived from the region.</param>
internal sealed record ServiceEndpoint(Uri Url, string SigningRegion, bool IsConfigured = false)
{
    /// <summary>AWS_ENDPOINT_URL_&lt;SERVICE&gt; wins over AWS_ENDPOINT_URL, as in the AWS SDKs;
    /// otherwise the public endpoint of the region.</summary>
    public static ServiceEndpoint Resolve(AwsService service, AwsSettings settings)
    {
        var region = settings.Region.SystemName;
        var dnsSuffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        var signingRegion = service.IsGlobal ? "us-east-1" : region;
        if ((settings.ServiceEndpoints.GetValueOrDefault(service.EndpointVariable) ?? settings.Endpoint) is { } configured)
        {
            return new ServiceEndpoint(configured, signingRegion, IsConfigured: true);
        }

        return new ServiceEndpoint(
            new Uri(service.IsGlobal ? $"https://{service.HostPrefix}.{dnsSuffix}" : $"https://{service.HostPrefix}.{region}.{dnsSuffix}"),
            signingRegion);
    }
}
