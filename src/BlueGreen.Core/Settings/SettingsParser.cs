using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Internal;

namespace BlueGreen.Core.Settings;

/// <summary>
/// Loads settings from the SSM parameter's JSON text. The published JSON Schema
/// (<c>schemas/settings.schema.json</c>, embedded) is the one source of every limit and shape; C#
/// adds only the rules between fields (<see cref="SettingsRules"/>), checked once the schema
/// accepts the document. Either way, every problem found comes in one <see cref="InvalidRequest"/>.
/// </summary>
public static class SettingsParser
{
    private const string Example = "{\"strategy\": \"swap\", \"targetGroupArns\": [\"arn:aws:elasticloadbalancing:...:targetgroup/app/...\"]}";

    /// <summary>The published JSON Schema (the embedded copy of <c>schemas/settings.schema.json</c>).</summary>
    public static string SchemaText => SettingsSchema.Text;

    /// <param name="json">The parameter's value.</param>
    /// <param name="parameterName">The SSM parameter it came from, named in the error message.</param>
    public static ApplicationSettings Parse(string json, string? parameterName = null)
    {
        var subject = parameterName is null ? "The settings document" : $"The settings parameter {parameterName}";
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidRequest([new Problem(JsonPath.Root, "the settings are empty", $"store a JSON object such as {Example}")], subject);
        }

        JsonDocument document;
        try
        {
            document = JsonInput.Parse(json, "settings document", Example);
        }
        catch (InvalidRequest e)
        {
            throw new InvalidRequest(e.Problems, subject);
        }

        using (document)
        {
            return Parse(document.RootElement, subject);
        }
    }

    private static ApplicationSettings Parse(JsonElement root, string subject)
    {
        // Every limit and shape is the schema's; a document it refuses is reported as the schema
        // sees it, since the rules between fields would only guess at a half-read document.
        var shape = new ProblemCollector();
        shape.AddRange(SettingsSchema.Validate(root).Concat(DuplicateProperties.Find(root)).OrderBy(p => p.Path, StringComparer.Ordinal));
        shape.ThrowIfAny(subject);

        var problems = new ProblemCollector();
        var settings = SettingsReader.Read(root, problems);
        SettingsRules.Check(settings, problems);
        problems.ThrowIfAny(subject);
        return settings;
    }
}
