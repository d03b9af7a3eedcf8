namespace BlueGreen.Functions.Hosting;

/// <summary>The Lambda functions by the template's logical id (e.g. "NormalizeRequestFunction"),
/// so the local gateway can answer an invoke of any of them in-process.</summary>
public interface IFunctionCatalog
{
    IReadOnlyCollection<string> Names { get; }

    FunctionHandler? Find(string logicalId);
}
