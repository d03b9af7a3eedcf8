using System.Globalization;
using System.Text.Json.Nodes;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>Reading AWS JSON responses; absent and null members read as null.</summary>
internal static class Json
{
    public static string? Text(this JsonNode? node, string name) => node?[name]?.GetValue<string>();

    public static string Required(this JsonNode? node, string name) =>
        node.Text(name) ?? throw new FormatException($"AWS response has no \"{name}\".");

    /// <summary>Timestamps are epoch seconds (with a fraction) in the JSON protocols; emulators
    /// such as moto sometimes send ISO-8601 strings instead, so both are read.</summary>
    public static DateTimeOffset? Time(this JsonNode? node, string name) => node?[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<double>(out var seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
        var value => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    public static long? Long(this JsonNode? node, string name) => node?[name]?.GetValue<long>();

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string name) =>
        node?[name] is JsonArray items ? items.OfType<JsonNode>() : [];

    public static IReadOnlyList<string> Strings(this JsonNode? node, string name) =>
        node.Items(name).Select(i => i.GetValue<string>()).ToList();
}
