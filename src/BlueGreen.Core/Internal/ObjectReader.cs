using System.Text.Json;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Reads one JSON object field by field, recording a <see cref="ProblemCollector"/> entry for
/// every missing, mistyped or out-of-range value instead of throwing at the first, and rejecting
/// properties it was never asked about (so a typo is never silently ignored).
/// JSON <c>null</c> counts as "not given".
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private ObjectReader(JsonElement element, string path, ProblemCollector problems)
    {
        _element = element;
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public ProblemCollector Problems { get; }

    /// <summary>Opens <paramref name="element"/> as an object, or reports that it is not one.</summary>
    public static ObjectReader? Open(JsonElement element, string path, ProblemCollector problems, string fix)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new ObjectReader(element, path, problems);
        }

        problems.Add(path, $"must be a JSON object, not {Describe(element)}", fix);
        return null;
    }

    public string At(string name) => JsonPath.Property(Path, name);

    public JsonElement? Optional(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public JsonElement? Required(string name, string fix)
    {
        var value = Optional(name);
        if (value is null)
        {
            Problems.Add(At(name), "is required", fix);
        }

        return value;
    }

    public ObjectReader? Object(string name, bool required, string fix)
    {
        var value = required ? Required(name, fix) : Optional(name);
        return value is { } v ? Open(v, At(name), Problems, fix) : null;
    }

    public string? String(string name, bool required, string fix)
    {
        var value = required ? Required(name, fix) : Optional(name);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Problems.Add(At(name), $"must be a string, not {Describe(v)}", fix);
            return null;
        }

        return v.GetString();
    }

    public int? Int(string name, int min, int max, bool required, string fix)
    {
        var value = required ? Required(name, fix) : Optional(name);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var number) || number != decimal.Truncate(number))
        {
            Problems.Add(At(name), $"must be a whole number from {min} to {max}, not {Describe(v)}", fix);
            return null;
        }

        if (number < min || number > max)
        {
            Problems.Add(At(name), $"must be from {min} to {max}, not {v.GetRawText()}", fix);
            return null;
        }

        return (int)number;
    }

    public bool? Bool(string name, string fix)
    {
        var value = Optional(name);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problems.Add(At(name), $"must be true or false, not {Describe(v)}", fix);
            return null;
        }

        return v.GetBoolean();
    }

    /// <summary>Reads an array of strings; mistyped items are reported and skipped.</summary>
    public IReadOnlyList<string>? Strings(string name, bool required, string fix)
    {
        var value = required ? Required(name, fix) : Optional(name);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(At(name), $"must be an array of strings, not {Describe(v)}", fix);
            return null;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Problems.Add(JsonPath.Index(At(name), index), $"must be a string, not {Describe(item)}", fix);
            }

            index++;
        }

        return items;
    }

    /// <summary>Reads an array of objects, handing each one to <paramref name="read"/>.</summary>
    public IReadOnlyList<T>? Objects<T>(string name, bool required, string fix, Func<ObjectReader, T> read)
    {
        var value = required ? Required(name, fix) : Optional(name);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(At(name), $"must be an array of objects, not {Describe(v)}", fix);
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (Open(item, JsonPath.Index(At(name), index), Problems, fix) is { } reader)
            {
                items.Add(read(reader));
            }

            index++;
        }

        return items;
    }

    /// <summary>
    /// Reports every property not read so far, suggesting the closest known name, and any
    /// property given twice (JSON parsers disagree on which copy wins).
    /// </summary>
    public void RejectUnknown()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Problems.Add(At(property.Name), "is given more than once", "keep one copy of the property");
                continue;
            }

            if (_known.Contains(property.Name))
            {
                continue;
            }

            var suggestion = Spelling.Closest(property.Name, _known);
            var known = string.Join(", ", _known.Order(StringComparer.Ordinal));
            Problems.Add(
                At(property.Name),
                "is not a known property",
                suggestion is null
                    ? $"remove it; the properties allowed here are: {known}"
                    : $"did you mean '{suggestion}'? The properties allowed here are: {known}");
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
