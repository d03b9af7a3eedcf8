using System.Text;

namespace BlueGreen.Functions.Logging;

/// <summary>
/// Writes one JSON object so that CloudWatch Logs stores it as one log event whose fields are
/// top-level, under the template's <c>LogFormat: JSON</c> as under Text.
/// </summary>
/// <remarks>
/// The managed dotnet runtime (Amazon.Lambda.RuntimeSupport, <c>Helpers/ConsoleLoggerWriter.cs</c>)
/// replaces <see cref="Console.Out"/> with a writer whose <c>WriteLine</c> overloads format the text
/// as the <c>message</c> of the runtime's own JSON object (<c>Helpers/Logging/JsonLogMessageFormatter.cs</c>),
/// which would bury our fields as an escaped string; its <c>Write</c> overloads pass the text
/// through untouched to the telemetry log descriptor (<c>Helpers/FileDescriptorLogStream.cs</c>:
/// one flushed write is one framed log event, typed JSON when <c>AWS_LAMBDA_LOG_FORMAT</c> is JSON)
/// or, without one, to stdout. So a record leaves as exactly one <c>Write</c> of the object and its
/// newline, never through <c>WriteLine</c>: the bytes the runtime writes for its own JSON records.
/// Locally and in tests the writer is a plain one and the result is the same line.
/// </remarks>
public static class LogRecord
{
    public static void Write(TextWriter output, ReadOnlySpan<byte> utf8Json)
    {
        var record = Encoding.UTF8.GetString(utf8Json) + "\n";
        lock (output)
        {
            output.Write(record);
        }
    }
}
