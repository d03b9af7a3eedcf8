namespace BlueGreen.Local.Stack;

/// <summary>
/// The stack name in samconfig.toml (the SAM CLI's settings), so the local cloud's
/// <c>${AWS::StackName}</c> is the name `sam deploy` gives the stack. Reads only what that needs:
/// <c>[table]</c> headers and <c>key = "string"</c> lines (basic or literal strings, comments);
/// <c>[default.deploy.parameters]</c> wins over <c>[default.global.parameters]</c>, as in the SAM CLI.
/// </summary>
public static class SamConfig
{
    public const string FileName = "samconfig.toml";

    /// <summary>The stack_name of the <c>default</c> environment in <paramref name="text"/>, or null.</summary>
    public static string? StackName(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var table = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                table = line.Trim('[', ']', ' ').Replace(" ", string.Empty, StringComparison.Ordinal);
                continue;
            }

            if (line.Split('=', 2) is [var key, var value] && key.Trim() == "stack_name" && Unquote(value.Trim()) is { } name)
            {
                values[table] = name;
            }
        }

        return values.GetValueOrDefault("default.deploy.parameters") ?? values.GetValueOrDefault("default.global.parameters");
    }

    /// <summary>The stack name from the samconfig.toml in <paramref name="directory"/>, or null when
    /// there is no such file or it names none.</summary>
    public static string? StackNameIn(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? StackName(File.ReadAllText(path)) : null;
    }

    private static string? Unquote(string value)
    {
        foreach (var quote in new[] { '"', '\'' })
        {
            if (value.StartsWith(quote) && value.IndexOf(quote, 1) is var end and > 0)
            {
                return value[1..end];
            }
        }

        return null;
    }
}
