using BlueGreen.Functions.Handlers;

namespace BlueGreen.Functions.Hosting;

/// <summary>Every handler by its template logical id (<c>&lt;State&gt;Function</c>), for the local cloud.</summary>
public sealed class FunctionCatalog : IFunctionCatalog
{
    private readonly Dictionary<string, FunctionHandler> _handlers;

    private FunctionCatalog(FunctionServices services)
    {
        _handlers = new Dictionary<string, FunctionHandler>(StringComparer.Ordinal)
        {
            [nameof(NormalizeRequest) + "Function"] = new NormalizeRequest(services).InvokeAsync,
        };
    }

    public IReadOnlyCollection<string> Names => _handlers.Keys;

    public static FunctionCatalog Create(FunctionServices services) => new(services);

    public FunctionHandler? Find(string logicalId) => _handlers.GetValueOrDefault(logicalId);
}
