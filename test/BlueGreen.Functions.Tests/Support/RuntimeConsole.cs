using System.Text;
using System.Text.Json;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// What <see cref="Console.Out"/> is inside the managed dotnet runtime with
/// <c>AWS_LAMBDA_LOG_FORMAT=JSON</c>, as aws-lambda-dotnet's Amazon.Lambda.RuntimeSupport builds it
/// (<c>Helpers/ConsoleLoggerWriter.cs</c>, <c>WrapperTextWriter</c>): every <c>WriteLine</c> becomes
/// the <c>message</c> of the runtime's own JSON object (<c>Helpers/Logging/JsonLogMessageFormatter.cs</c>:
/// timestamp, level, requestId, traceId, message); every <c>Write</c> goes as written to the
/// telemetry descriptor's auto-flushed writer (<c>Helpers/FileDescriptorLogStream.cs</c>), where each
/// flushed write is one framed log event. <see cref="Events"/> are the log events CloudWatch gets.
/// </summary>
public sealed class RuntimeConsole : TextWriter
{
    private const string RequestId = "8f5e0c1a-0000-4000-8000-000000000000";

    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events => _events;

    public override Encoding Encoding => Encoding.UTF8;

    // WrapperTextWriter: Write overloads go to the inner writer untouched; each one flushes one frame.
    public override void Write(char value) => _events.Add(value.ToString());

    public override void Write(string? value) => _events.Add(value ?? "");

    public override void Write(char[] buffer, int index, int count) => _events.Add(new string(buffer, index, count));

    // WrapperTextWriter: WriteLine overloads are formatted (level Information for stdout).
    public override void WriteLine(string? value) => _events.Add(Format(value ?? "") + "\n");

    public override void WriteLine() => WriteLine("");

    public override void WriteLine(object? value) => WriteLine(value?.ToString());

    public override void WriteLine(char[]? buffer) => WriteLine(buffer is null ? "" : new string(buffer));

    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    public override void WriteLine(StringBuilder? value) => WriteLine(value?.ToString());

    private static string Format(string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", "2026-11-27T10:00:00.000Z");
            json.WriteString("level", "Information");
            json.WriteString("requestId", RequestId);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
