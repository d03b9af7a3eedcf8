using System.Text.RegularExpressions;

namespace BlueGreen.Core.Internal;

/// <summary>Builds JSONPath strings (<c>$.a.b[0]</c>, <c>$['detail-type']</c>) for problem reports.</summary>
internal static partial class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        SimpleName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Turns a JSON Pointer (<c>/health/alarmNames/0</c>) into a JSONPath.</summary>
    public static string FromPointer(string pointer)
    {
        var path = Root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path = int.TryParse(segment, out var index) ? Index(path, index) : Property(path, segment);
        }

        return path;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();
}
