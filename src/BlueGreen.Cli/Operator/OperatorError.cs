namespace BlueGreen.Cli.Operator;

/// <summary>
/// An error a user can cause or fix (unknown application, missing credentials, refused request):
/// printed as one line, <c>Name: message</c>, then the hint, never with a stack trace.
/// </summary>
internal sealed class OperatorError(string name, string message, string? hint = null, int exitCode = ExitCodes.Refused, Exception? inner = null)
    : Exception(message, inner)
{
    public string Name { get; } = name;

    public string? Hint { get; } = hint;

    public int ExitCode { get; } = exitCode;

    public string OneLine => Hint is null ? $"{Name}: {Message}" : $"{Name}: {Sentence(Message)} {Hint}";

    // Messages from the network stack ("Connection refused (127.0.0.1:1)") end without a full stop.
    private static string Sentence(string text) => text.TrimEnd() is var t && (t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?')) ? t : t + ".";
}
