using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using BlueGreen.Functions.Hosting;

namespace BlueGreen.Local.Tests.Support;

/// <summary>Handlers the tests define: JSON in, JSON out, and a count of invocations.</summary>
public sealed class TestFunctionCatalog : IFunctionCatalog
{
    private readonly ConcurrentDictionary<string, FunctionHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _invocations = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => [.. _handlers.Keys];

    public FunctionHandler? Find(string logicalId) => _handlers.GetValueOrDefault(logicalId);

    public int Invocations(string logicalId) => _invocations.GetValueOrDefault(logicalId);

    public void Add(string logicalId, Func<JsonNode?, JsonNode?> handle) =>
        _handlers[logicalId] = (input, _) =>
        {
            _invocations.AddOrUpdate(logicalId, 1, (_, n) => n + 1);
            var result = handle(JsonNode.Parse(input));
            return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(result?.ToJsonString() ?? "null")));
        };
}
