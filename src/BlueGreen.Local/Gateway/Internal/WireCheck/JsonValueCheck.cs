using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>A JSON value against its shape, as the JSON 1.0/1.1 and REST-JSON bodies carry it:
/// members by name, timestamps as epoch seconds, blobs as base64; null is the same as absent.</summary>
internal sealed class JsonValueCheck(ServiceModel model, List<WireViolation> violations)
{
    /// <summary>Checks a structure; <paramref name="skip"/> says which members travel elsewhere (REST URI, query, headers).</summary>
    public void Structure(JsonNode? node, JsonObject shape, string path, Func<JsonObject, bool>? skip = null)
    {
        if (node is not JsonObject body)
        {
            violations.Add(new(Root(path), $"must be a JSON object, not {Kind(node)}"));
            return;
        }

        var members = ServiceModel.Members(shape).Where(m => skip?.Invoke(m.Member) != true).ToDictionary(m => Name(m.Name, m.Member), m => m);
        foreach (var (name, value) in body)
        {
            if (!members.TryGetValue(name, out var member))
            {
                violations.Add(new(Join(path, name), "no such member in the model"));
            }
            else if (value is not null)
            {
                Value(value, model.ShapeOf(member.Member), Join(path, name));
            }
        }

        foreach (var required in ServiceModel.Required(shape))
        {
            if (members.Values.FirstOrDefault(m => m.Name == required) is { Member: not null } member
                && body[Name(member.Name, member.Member)] is null)
            {
                violations.Add(new(Join(path, Name(member.Name, member.Member)), "required member missing"));
            }
        }
    }

    public void Value(JsonNode value, JsonObject shape, string path)
    {
        var kind = value.GetValueKind();
        switch (ServiceModel.Type(shape))
        {
            case "structure":
                Structure(value, shape, path);
                break;
            case "list" when value is JsonArray items:
                ShapeRules.CheckLength(shape, items.Count, path, violations, "count");
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is { } item)
                    {
                        Value(item, model.ShapeOf(shape["member"]!), $"{path}[{i}]");
                    }
                    else
                    {
                        violations.Add(new($"{path}[{i}]", "a list item cannot be null"));
                    }
                }

                break;
            case "map" when value is JsonObject entries:
                ShapeRules.CheckLength(shape, entries.Count, path, violations, "count");
                foreach (var (key, item) in entries)
                {
                    ShapeRules.CheckString(model.ShapeOf(shape["key"]!), key, $"{path}.{key}", violations);
                    if (item is not null)
                    {
                        Value(item, model.ShapeOf(shape["value"]!), $"{path}.{key}");
                    }
                }

                break;
            case "string" when kind == JsonValueKind.String:
                ShapeRules.CheckString(shape, value.GetValue<string>(), path, violations);
                break;
            case "blob" when kind == JsonValueKind.String:
                if (!ShapeRules.IsBase64(value.GetValue<string>()))
                {
                    violations.Add(new(path, "a blob must be base64"));
                }

                break;
            case "integer" or "long" when kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var whole):
                ShapeRules.CheckRange(shape, whole, path, violations);
                break;
            case "double" or "float" when kind == JsonValueKind.Number:
                ShapeRules.CheckRange(shape, value.GetValue<double>(), path, violations);
                break;
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            case "timestamp" when kind == JsonValueKind.Number:
                break;
            case var type:
                violations.Add(new(path, $"a {type}{(type == "timestamp" ? " (epoch seconds)" : "")} cannot be {Kind(value)}"));
                break;
        }
    }

    private static string Name(string name, JsonObject member) => (string?)member["locationName"] ?? name;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Root(string path) => path.Length == 0 ? "(body)" : path;

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null => "null",
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        var other => $"a JSON {other.ToString()!.ToLowerInvariant()}",
    };
}
