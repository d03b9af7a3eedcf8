using System.Text.Json;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>Reads request members; a member of the wrong JSON type is AWS's SerializationException.</summary>
internal sealed class RequestBody
{
    private readonly JsonElement _root;

    public RequestBody(JsonDocument document)
    {
        _root = document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.Clone()
            : throw CodeDeployErrors.Serialization("The request body must be a JSON object.");
    }

    public JsonElement Root => _root;

    public string? String(string name) => Member(name, JsonValueKind.String) is { } value ? value.GetString() : null;

    /// <summary>A required string: missing or empty throws <paramref name="missing"/>.</summary>
    public string RequiredString(string name, Func<CodeDeployError> missing) =>
        String(name) is { Length: > 0 } value ? value : throw missing();

    public bool? Boolean(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw CodeDeployErrors.Serialization($"{name} must be a boolean."),
        };
    }

    public JsonElement? Object(string name) => Member(name, JsonValueKind.Object);

    public IReadOnlyList<string>? StringList(string name)
    {
        if (Member(name, JsonValueKind.Array) is not { } array)
        {
            return null;
        }

        return array.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw CodeDeployErrors.Serialization($"{name} must be a list of strings."))
            .ToList();
    }

    private JsonElement? Member(string name, JsonValueKind kind)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw CodeDeployErrors.Serialization($"{name} must be a JSON {kind.ToString().ToLowerInvariant()}.");
    }
}
