using System.Text.RegularExpressions;

namespace BlueGreen.Core.Internal;

/// <summary>Reads ARN-valued properties, checking each against its shape.</summary>
internal static class ArnReader
{
    public static string? Arn(ObjectReader reader, string name, bool required, Regex shape, string fix)
    {
        var value = reader.String(name, required, fix);
        if (value is not null && !shape.IsMatch(value))
        {
            reader.Problems.Add(reader.At(name), $"\"{ObjectReader.Shorten(value)}\" does not have the expected form", fix);
        }

        return value;
    }

    public static IReadOnlyList<string>? Arns(ObjectReader reader, string name, Regex shape, string fix, bool required = false)
    {
        var values = reader.Strings(name, required, fix);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!shape.IsMatch(values![i]))
            {
                reader.Problems.Add(JsonPath.Index(reader.At(name), i), $"\"{ObjectReader.Shorten(values[i])}\" does not have the expected form", fix);
            }
        }

        return values;
    }
}
