using BlueGreen.Functions.Hosting;

namespace BlueGreen.Local.Gateway.Internal;

internal sealed class EmptyFunctionCatalog : IFunctionCatalog
{
    public IReadOnlyCollection<string> Names => [];

    public FunctionHandler? Find(string logicalId) => null;
}
