using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlueGreen.Functions.Logging;

/// <summary>
/// Structured log of one step: one JSON object per line (CloudWatch Logs indexes each field),
/// with the deployment id, application and step as keys and the message template kept beside the
/// rendered message, so "Created green group {GreenGroup}" can be searched by template or by group.
/// Each object leaves through <see cref="LogRecord"/>, which keeps it one top-level JSON log event
/// under the runtime's <c>LogFormat: JSON</c>.
/// </summary>
public sealed partial class StepLog(TextWriter output, TimeProvider time, string step)
{
    /// <summary>The keys every record has, before the scope's and the template's.</summary>
    private static readonly string[] Fixed = ["timestamp", "level", "message", "messageTemplate", "errorType", "errorMessage"];

    private readonly Dictionary<string, string> _scope = new(StringComparer.Ordinal) { ["step"] = step };

    /// <summary>Adds a key every later line carries (deploymentId, application…).</summary>
    public StepLog With(string key, string? value)
    {
        if (value is not null)
        {
            _scope[key] = value;
        }

        return this;
    }

    public void Info(string template, params object?[] values) => Write("Information", template, values, null);

    public void Warn(string template, params object?[] values) => Write("Warning", template, values, null);

    public void Error(Exception error, string template, params object?[] values) => Write("Error", template, values, error);

    private void Write(string level, string template, object?[] values, Exception? error)
    {
        var names = Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", time.GetUtcNow());
            json.WriteString("level", level);
            json.WriteString("message", Render(template, names, values));
            json.WriteString("messageTemplate", template);
            foreach (var (key, value) in _scope)
            {
                json.WriteString(key, value);
            }

            // A template value never repeats a key already written (JSON readers refuse duplicate
            // keys): "{Message}" stays in the rendered message only.
            var written = new HashSet<string>(_scope.Keys.Concat(Fixed), StringComparer.Ordinal);
            for (var i = 0; i < names.Count && i < values.Length; i++)
            {
                var key = JsonNamingPolicy.CamelCase.ConvertName(names[i]);
                if (written.Add(key))
                {
                    json.WriteString(key, Format(values[i]));
                }
            }

            if (error is not null)
            {
                json.WriteString("errorType", error.GetType().Name);
                json.WriteString("errorMessage", error.Message);
            }

            json.WriteEndObject();
        }

        LogRecord.Write(output, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string Render(string template, List<string> names, object?[] values)
    {
        var index = 0;
        return Placeholder().Replace(template, m => index < values.Length ? Format(values[index++]) : m.Value);
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
