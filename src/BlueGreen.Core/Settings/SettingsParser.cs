using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Internal;

namespace BlueGreen.Core.Settings;

/// <summary>
/// Loads settings from the SSM parameter's JSON text: JSON Schema first
/// (<c>schemas/settings.schema.json</c>), then the rules between fields; every problem of both
/// passes in one <see cref="InvalidRequest"/>.
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
        var schemaProblems = SettingsSchema.Validate(root);
        var problems = new ProblemCollector();
        var settings = SettingsReader.Read(root, problems);
        // An unknown strategy reads as the default; its section rules would only mislead.
        var strategyKnown = !problems.HasAt("$.strategy") && !schemaProblems.Any(p => p.Path == "$.strategy");
        SettingsRules.Check(settings, problems, checkStrategy: strategyKnown);

        // The schema speaks first; C# adds only what it found elsewhere.
        // Sorted by path so the same settings always produce the same message.
        var merged = new ProblemCollector();
        merged.AddRange(schemaProblems
            .Concat(problems.Problems.Where(p => !schemaProblems.Any(s => Covers(s.Path, p.Path))))
            .OrderBy(p => p.Path, StringComparer.Ordinal));
        merged.ThrowIfAny(subject);
        return settings;
    }

    private static bool Covers(string outer, string inner) =>
        inner == outer || inner.StartsWith(outer + ".", StringComparison.Ordinal) || inner.StartsWith(outer + "[", StringComparison.Ordinal);
}
