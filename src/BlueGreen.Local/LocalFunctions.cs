using Amazon;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Functions.Hosting;

namespace BlueGreen.Local;

/// <summary>BlueGreen's own handlers as the local cloud runs them: in-process, calling AWS through
/// the gateway like any other client, so their calls are counted and faults reach them.</summary>
internal sealed class LocalFunctions : IDisposable
{
    private readonly AwsClients _aws;

    private LocalFunctions(AwsClients aws, TextWriter log)
    {
        _aws = aws;
        Catalog = FunctionCatalog.Create(new FunctionServices(aws, TimeProvider.System, log));
    }

    public IFunctionCatalog Catalog { get; }

    public static LocalFunctions Create(Uri gateway, string region, TextWriter log) =>
        new(new AwsClients(new AwsSettings
        {
            Region = RegionEndpoint.GetBySystemName(region),
            Credentials = new BasicAWSCredentials(LocalCredentials.AccessKeyId, LocalCredentials.SecretAccessKey),
            Endpoint = gateway,
        }), log);

    public void Dispose() => _aws.Dispose();
}
