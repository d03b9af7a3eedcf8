using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>One botocore service-2.json: its metadata, operations and shapes.</summary>
internal sealed class ServiceModel(string name, JsonObject model)
{
    public string Name { get; } = name;

    public JsonObject Metadata { get; } = model["metadata"]!.AsObject();

    public JsonObject Operations { get; } = model["operations"]!.AsObject();

    private JsonObject Shapes { get; } = model["shapes"]!.AsObject();

    public string? TargetPrefix => (string?)Metadata["targetPrefix"];

    public string? ApiVersion => (string?)Metadata["apiVersion"];

    public JsonObject? Operation(string operation) => Operations[operation] as JsonObject;

    public JsonObject Shape(string shape) => Shapes[shape]!.AsObject();

    /// <summary>The shape a member (or an operation's input, a list's member, …) refers to.</summary>
    public JsonObject ShapeOf(JsonNode reference) => Shape((string)reference["shape"]!);

    /// <summary>The operation's input structure, or an empty one when it takes none.</summary>
    public JsonObject Input(JsonObject operation) =>
        operation["input"] is { } input ? ShapeOf(input) : new JsonObject { ["type"] = "structure", ["members"] = new JsonObject() };

    public static string Type(JsonObject shape) => (string)shape["type"]!;

    public static IEnumerable<(string Name, JsonObject Member)> Members(JsonObject structure) =>
        (structure["members"] as JsonObject ?? []).Select(m => (m.Key, m.Value!.AsObject()));

    public static IReadOnlyList<string> Required(JsonObject structure) =>
        (structure["required"] as JsonArray)?.Select(r => (string)r!).ToList() ?? [];
}
