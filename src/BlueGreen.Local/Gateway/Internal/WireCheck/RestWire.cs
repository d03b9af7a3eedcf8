using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>What every REST protocol checks before its body: method and path name the operation
/// (<see cref="RestRequest.Match"/>), and URI labels, query string and headers carry the members
/// located there. Each protocol then checks the rest of the input in its own body format.</summary>
internal abstract class RestWire : IWireProtocol
{
    public WireVerdict Check(ServiceModel model, WireRequest request)
    {
        var violations = new List<WireViolation>();
        if (RestRequest.Match(model, request) is not var (name, operation, labels))
        {
            violations.Add(new(request.Path, $"no operation of {model.Name} answers {request.Method} {request.Path}"));
            return new WireVerdict(model.Name, request.Path, violations);
        }

        var input = model.Input(operation);
        var elsewhere = RestRequest.CheckLocations(model, operation, input, labels, request, violations);
        CheckBody(model, new RestOperation(name, operation, input, elsewhere), request.Body, violations);
        return new WireVerdict(model.Name, name, violations);
    }

    /// <summary>Adds a violation for every way <paramref name="body"/> breaks the members of the
    /// operation's input that <see cref="RestOperation.Elsewhere"/> does not place outside it.</summary>
    protected abstract void CheckBody(ServiceModel model, RestOperation operation, byte[] body, List<WireViolation> violations);
}

/// <summary>The operation a REST request names: its model entry, input shape, and which of the
/// input's members travel outside the body (URI, query string, headers).</summary>
internal sealed record RestOperation(string Name, JsonObject Operation, JsonObject Input, Func<JsonObject, bool> Elsewhere);
