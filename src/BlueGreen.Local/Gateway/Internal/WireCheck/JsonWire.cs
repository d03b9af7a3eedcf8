using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>JSON 1.0/1.1 (Step Functions, CodeDeploy, EventBridge, DynamoDB, SSM, CloudWatch's JSON
/// mode): <c>X-Amz-Target: {targetPrefix}.{Operation}</c>, <c>Content-Type: application/x-amz-json-{jsonVersion}</c>
/// and the input structure as the body.</summary>
internal sealed class JsonWire : IWireProtocol
{
    public WireVerdict Check(ServiceModel model, WireRequest request)
    {
        var target = request.Header("X-Amz-Target") ?? "";
        var dot = target.LastIndexOf('.');
        var (prefix, name) = dot < 0 ? ("", target) : (target[..dot], target[(dot + 1)..]);
        var violations = new List<WireViolation>();
        if (prefix != model.TargetPrefix)
        {
            violations.Add(new("X-Amz-Target", $"prefix '{prefix}' is not the model's targetPrefix '{model.TargetPrefix}'"));
        }

        var contentType = (request.Header("Content-Type") ?? "").Split(';')[0].Trim();
        if ((string?)model.Metadata["jsonVersion"] is { } jsonVersion && contentType != $"application/x-amz-json-{jsonVersion}")
        {
            violations.Add(new("Content-Type", $"'{contentType}' is not application/x-amz-json-{jsonVersion}, the model's jsonVersion"));
        }

        if (model.Operation(name) is not { } operation)
        {
            violations.Add(new("X-Amz-Target", $"'{name}' is not an operation of {model.Name}"));
            return new WireVerdict(model.Name, name, violations);
        }

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

        new JsonValueCheck(model, violations).Structure(body, model.Input(operation), "");
        return new WireVerdict(model.Name, name, violations);
    }
}
