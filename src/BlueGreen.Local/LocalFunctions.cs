using BlueGreen.Aws;
using BlueGreen.Functions.Hosting;
using BlueGreen.Local.Calls;

namespace BlueGreen.Local;

/// <summary>BlueGreen's own handlers as the local cloud runs them: in-process, calling AWS through
/// the gateway like any other client, so their calls are counted and faults reach them.</summary>
internal sealed class LocalFunctions : IDisposable
{
    private readonly AwsClients _aws;

    private LocalFunctions(AwsClients aws, TimeProvider time, TextWriter log, FunctionSettings settings)
    {
        _aws = aws;
        Catalog = FunctionCatalog.Create(new FunctionServices(aws, time, log, settings));
    }

    public IFunctionCatalog Catalog { get; }

    /// <param name="time">The handlers' clock (scaled when the cloud's time is).</param>
    /// <param name="environment">The variables the template gives the functions.</param>
    public static LocalFunctions Create(Uri gateway, string region, TimeProvider time, TextWriter log, IReadOnlyDictionary<string, string> environment) =>
        new(new AwsClients(LocalCloud.ClientSettingsFor(gateway, region), new CallingFunction.Stamp()), time, log, FunctionSettings.FromVariables(environment.GetValueOrDefault));

    public void Dispose() => _aws.Dispose();
}
