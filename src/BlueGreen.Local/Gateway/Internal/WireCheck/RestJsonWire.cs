using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>REST-JSON (Image Builder): method and path name the operation, URI labels and query
/// string carry the members located there, the JSON body the rest.</summary>
internal sealed class RestJsonWire : IWireProtocol
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
        JsonNode? body;
        try
        {
            body = request.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(Encoding.UTF8.GetString(request.Body));
        }
        catch (JsonException exception)
        {
            violations.Add(new("(body)", $"not JSON: {exception.Message}"));
            return new WireVerdict(model.Name, name, violations);
        }

        new JsonValueCheck(model, violations).Structure(body, input, "", elsewhere);
        return new WireVerdict(model.Name, name, violations);
    }
}
