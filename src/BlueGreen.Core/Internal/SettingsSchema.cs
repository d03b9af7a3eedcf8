using System.Text.Json;
using System.Text.RegularExpressions;
using BlueGreen.Core.Errors;
using Json.Schema;

namespace BlueGreen.Core.Internal;

/// <summary>
/// The one source of every settings limit and shape: <c>schemas/settings.schema.json</c>
/// (embedded, compiled once per process), with JsonSchema.Net's errors rewritten as
/// <see cref="Problem"/>s whose fix is the schema's own <c>description</c> of the field — the same
/// help an editor shows — and, for a pattern, whose message names the field's <c>title</c>.
/// </summary>
internal static partial class SettingsSchema
{
    public const string ResourceName = "BlueGreen.Core.settings.schema.json";

    private static readonly Lazy<JsonSchema> Compiled = new(Compile);

    public static string Text { get; } = ReadResource();

    // Limits and patterns are read without compiling the schema (requests need only those).
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(Text));

    /// <summary>A number the schema sets at <paramref name="pointer"/>, e.g.
    /// <c>Limit("/$defs/traffic/properties/percent", "maximum")</c>: requests check their traffic
    /// and revision against the same numbers the settings are validated with.</summary>
    public static int Limit(string pointer, string keyword) => Node(pointer).GetProperty(keyword).GetInt32();

    /// <summary>The <c>pattern</c> at <paramref name="pointer"/>.</summary>
    public static string Pattern(string pointer) => Node(pointer).GetProperty("pattern").GetString()!;

    /// <summary>The <c>title</c> at <paramref name="pointer"/> (what a value there is, e.g. "a DNS name").</summary>
    public static string TitleAt(string pointer) => Title(Node(pointer)) ?? "a valid value";

    /// <summary>The <c>description</c> at <paramref name="pointer"/>, the help an editor shows.</summary>
    public static string DescriptionAt(string pointer) => Description(Node(pointer)) ?? "see schemas/settings.schema.json";

    private static JsonElement Node(string pointer) =>
        Resolve(Document.Value.RootElement, pointer) ?? throw new InvalidOperationException($"The settings schema has nothing at {pointer}.");

    public static IReadOnlyList<Problem> Validate(JsonElement instance)
    {
        var results = Compiled.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<Problem>();
        foreach (var node in results.Details ?? [])
        {
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                var instancePointer = node.InstanceLocation.ToString();
                var schemaPointer = Uri.UnescapeDataString(node.SchemaLocation.Fragment.TrimStart('#'));
                problems.AddRange(Translate(keyword, message, instance, instancePointer, Document.Value.RootElement, schemaPointer, node.EvaluationPath.ToString()));
            }
        }

        return problems.DistinctBy(p => (p.Path, p.Message)).ToArray();
    }

    private static IEnumerable<Problem> Translate(
        string keyword, string message, JsonElement instance, string instancePointer, JsonElement schemaRoot, string schemaPointer, string evaluationPath)
    {
        var path = JsonPath.FromPointer(instancePointer);
        var schemaNode = Resolve(schemaRoot, schemaPointer);
        var help = Description(schemaNode) ?? "see schemas/settings.schema.json";
        var value = Resolve(instance, instancePointer);

        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            // schemaPointer holds /additionalProperties (nested ones also name the property after it);
            // the schema before it lists the allowed names.
            var at = schemaPointer.LastIndexOf("/additionalProperties", StringComparison.Ordinal);
            var parent = Resolve(schemaRoot, at < 0 ? schemaPointer[..schemaPointer.LastIndexOf('/')] : schemaPointer[..at]);
            var allowed = parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("properties", out var props)
                ? props.EnumerateObject().Select(x => x.Name).Where(n => n != "$schema").ToArray()
                : [];
            var name = JsonPointerName(instancePointer);
            var suggestion = Spelling.Closest(name, allowed);
            var list = string.Join(", ", allowed);
            yield return new Problem(path, "is not a known property", suggestion is null
                ? $"remove it; the properties allowed here are: {list}"
                : $"did you mean '{suggestion}'? The properties allowed here are: {list}");
            yield break;
        }

        switch (keyword)
        {
            case "required":
                foreach (var missing in MissingNames().Match(message).Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var property = missing.Trim().Trim('"');
                    var propertySchema = schemaNode is { } s && s.TryGetProperty("properties", out var ps) && ps.TryGetProperty(property, out var x) ? x : (JsonElement?)null;
                    yield return new Problem(JsonPath.Property(path, property), "is required", Description(Follow(schemaRoot, propertySchema)) ?? "add it");
                }

                break;
            case "enum":
                yield return new Problem(path, $"{Show(value)} is not one of {string.Join(", ", schemaNode?.GetProperty("enum").EnumerateArray().Select(e => e.GetString()) ?? [])}", help);
                break;
            case "type":
                yield return new Problem(path, $"must be {TypeWords(schemaNode)}, not {Show(value)}", help);
                break;
            case "pattern":
                // The schema's title names what the value should be ("a DNS name"), where it has one.
                yield return new Problem(path, Title(schemaNode) is { } what ? $"{Show(value)} is not {what}" : $"{Show(value)} does not have the expected form", help);
                break;
            case "minimum" or "maximum" or "minItems" or "maxItems" or "minLength" or "maxLength":
                yield return new Problem(path, $"{Bound(keyword, schemaNode)}, not {Size(keyword, value)}", help);
                break;
            case "uniqueItems":
                yield return new Problem(path, "lists the same value more than once", help);
                break;
            default:
                yield return new Problem(path, $"{Show(value)}: {char.ToLowerInvariant(message[0])}{message[1..]}", help);
                break;
        }
    }

    private static string Bound(string keyword, JsonElement? schemaNode)
    {
        var limit = schemaNode is { } n && n.TryGetProperty(keyword, out var l) ? l.GetRawText() : "?";
        return keyword switch
        {
            "minimum" => $"must be at least {limit}",
            "maximum" => $"must be at most {limit}",
            "minItems" => $"must list at least {limit} items",
            "maxItems" => $"must list at most {limit} items",
            "minLength" => $"must be at least {limit} characters long",
            _ => $"must be at most {limit} characters long",
        };
    }

    private static string Size(string keyword, JsonElement? value) => (keyword, value) switch
    {
        ("minItems" or "maxItems", { ValueKind: JsonValueKind.Array } v) => $"{v.GetArrayLength()}",
        ("minLength" or "maxLength", { ValueKind: JsonValueKind.String } v) => $"{v.GetString()!.Length}",
        (_, { } v) => v.GetRawText(),
        _ => "nothing",
    };

    private static string Show(JsonElement? value) => value is { } v ? ObjectReader.Describe(v) : "nothing";

    private static string TypeWords(JsonElement? schemaNode)
    {
        if (schemaNode is not { } node || !node.TryGetProperty("type", out var type))
        {
            return "of another type";
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];
        return string.Join(" or ", names.Select(n => n switch
        {
            "integer" => "a whole number",
            "object" => "an object",
            "array" => "an array",
            "boolean" => "true or false",
            "null" => "null",
            _ => $"a {n}",
        }));
    }

    private static string? Title(JsonElement? node) =>
        node is { ValueKind: JsonValueKind.Object } n && n.TryGetProperty("title", out var t) ? t.GetString() : null;

    private static string? Description(JsonElement? node) =>
        node is { ValueKind: JsonValueKind.Object } n && n.TryGetProperty("description", out var d) ? d.GetString()?.TrimEnd('.') : null;

    // A property schema that is only a $ref takes its description from the target.
    private static JsonElement? Follow(JsonElement root, JsonElement? node) =>
        node is { ValueKind: JsonValueKind.Object } n && !n.TryGetProperty("description", out _) && n.TryGetProperty("$ref", out var r)
            ? Resolve(root, r.GetString()!.TrimStart('#'))
            : node;

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string JsonPointerName(string pointer) =>
        pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static JsonSchema Compile()
    {
        // Each compile gets its own registry so tests and warm Lambda containers never clash on $id.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(Text, options);
    }

    private static string ReadResource()
    {
        using var stream = typeof(SettingsSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("\\[(.*)\\]")]
    private static partial Regex MissingNames();
}
