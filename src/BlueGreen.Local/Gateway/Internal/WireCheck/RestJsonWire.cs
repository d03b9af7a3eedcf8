using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>REST-JSON (Image Builder): method and path name the operation, URI labels and query
/// string carry the members located there, the JSON body the rest.</summary>
internal sealed class RestJsonWire : RestWire
{
    protected override void CheckBody(ServiceModel model, RestOperation operation, byte[] body, List<WireViolation> violations)
    {
        JsonNode? json;
        try
        {
            json = body.Length == 0 ? new JsonObject() : JsonNode.Parse(Encoding.UTF8.GetString(body));
        }
        catch (JsonException exception)
        {
            violations.Add(new("(body)", $"not JSON: {exception.Message}"));
            return;
        }

        new JsonValueCheck(model, violations).Structure(json, operation.Input, "", operation.Elsewhere);
    }
}
