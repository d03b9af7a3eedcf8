using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>
/// The model's constraints on a value, the same for every protocol: enums, min/max length (strings,
/// lists, maps), min/max value (numbers), patterns (matched by the whole value), and
/// the scalar types of values that arrive as text (Query parameters, XML elements, query strings).
/// </summary>
internal static class ShapeRules
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new();

    /// <summary>Checks a scalar that arrives as text against its shape.</summary>
    public static void CheckText(JsonObject shape, string text, string path, List<WireViolation> violations)
    {
        switch (ServiceModel.Type(shape))
        {
            case "string":
                CheckString(shape, text, path, violations);
                break;
            case "integer" or "long":
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    CheckRange(shape, whole, path, violations);
                }
                else
                {
                    violations.Add(new(path, $"'{text}' is not an {ServiceModel.Type(shape)}"));
                }

                break;
            case "double" or "float":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    CheckRange(shape, number, path, violations);
                }
                else
                {
                    violations.Add(new(path, $"'{text}' is not a number"));
                }

                break;
            case "boolean":
                if (text is not ("true" or "false"))
                {
                    violations.Add(new(path, $"'{text}' is not a boolean (true or false)"));
                }

                break;
            case "timestamp":
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                    && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    violations.Add(new(path, $"'{text}' is not a timestamp"));
                }

                break;
            case "blob":
                if (!IsBase64(text))
                {
                    violations.Add(new(path, "a blob must be base64"));
                }

                break;
            default:
                violations.Add(new(path, $"a {ServiceModel.Type(shape)} cannot be a single value"));
                break;
        }
    }

    public static void CheckString(JsonObject shape, string value, string path, List<WireViolation> violations)
    {
        if (shape["enum"] is JsonArray allowed && !allowed.Any(a => (string?)a == value))
        {
            violations.Add(new(path, $"'{value}' is not one of the enum's values [{string.Join(", ", allowed)}]"));
        }

        CheckLength(shape, new StringInfo(value).LengthInTextElements, path, violations, "length");
        if ((string?)shape["pattern"] is { } pattern && Compiled(pattern) is { } regex && !regex.IsMatch(value))
        {
            violations.Add(new(path, $"'{value}' does not match the pattern {pattern}"));
        }
    }

    /// <summary>min/max of a string's length or a list's or map's count.</summary>
    public static void CheckLength(JsonObject shape, long length, string path, List<WireViolation> violations, string what)
    {
        if (shape["min"] is JsonValue min && length < (double)min)
        {
            violations.Add(new(path, $"{what} {length} is below the minimum {min}"));
        }

        if (shape["max"] is JsonValue max && length > (double)max)
        {
            violations.Add(new(path, $"{what} {length} is above the maximum {max}"));
        }
    }

    public static void CheckRange(JsonObject shape, double value, string path, List<WireViolation> violations)
    {
        if (shape["min"] is JsonValue min && value < (double)min)
        {
            violations.Add(new(path, $"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum {min}"));
        }

        if (shape["max"] is JsonValue max && value > (double)max)
        {
            violations.Add(new(path, $"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum {max}"));
        }
    }

    public static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>The model's pattern as a .NET regex matching whole values; null (not checked) when .NET cannot read it.</summary>
    private static Regex? Compiled(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try
        {
            // Java/ECMA \p{L} etc. read the same in .NET; \u escapes too. Surrogate ranges written as
            // \uD800\uDC00-\uDBFF\uDFFF mean "any astral character", which .NET cannot express in a class.
            // Java's \_ (a needless escape), \p{ASCII} and \p{Print} have no .NET spelling either.
            var translated = p.Replace(@"\uD800\uDC00-\uDBFF\uDFFF", @"\uD800-\uDFFF", StringComparison.OrdinalIgnoreCase)
                .Replace(@"\_", "_", StringComparison.Ordinal)
                .Replace(@"\p{ASCII}", @"[\u0000-\u007F]", StringComparison.Ordinal)
                .Replace(@"\p{Print}", @"[\u0020-\u007E]", StringComparison.Ordinal);
            // The whole value must match, as AWS's Java services validate (String.matches): read as a
            // search, unanchored patterns such as \p{ASCII}* or [0-9]{12} would let anything through.
            return new Regex($@"\A(?:{translated})\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });
}
