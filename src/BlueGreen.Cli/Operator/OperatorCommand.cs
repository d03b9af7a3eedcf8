using System.CommandLine;
using BlueGreen.Aws.Errors;

namespace BlueGreen.Cli.Operator;

/// <summary>
/// Runs an operator command's action inside one session and turns every error a user can cause
/// into one line and its exit code; only a defect of ours prints a stack trace.
/// </summary>
internal static class OperatorCommand
{
    public static Command Create(string name, string description, TextWriter output, TextWriter error,
        Func<OperatorSession, ParseResult, CancellationToken, Task<int>> action, out OperatorOptions options)
    {
        var command = new Command(name, description);
        var common = new OperatorOptions();
        common.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                using var session = OperatorSession.Open(result, common, output, error);
                return await action(session, result, cancellation);
            }
            catch (Exception exception) when (Classify(exception) is { } known)
            {
                await error.WriteLineAsync(known.OneLine);
                return known.ExitCode;
            }
        });
        options = common;
        return command;
    }

    /// <summary>The one-line form of an error a user can cause or fix; null for our own defects.</summary>
    public static OperatorError? Classify(Exception exception) => exception switch
    {
        OperatorError known => known,
        AwsAccessDeniedException denied => new OperatorError("AccessDenied", denied.Message, "Check the profile's permissions (README lists what each command needs)."),
        HttpRequestException unreachable => new OperatorError("AwsUnreachable", unreachable.Message, "Check the network, --region and AWS_ENDPOINT_URL.", ExitCodes.Unreachable),
        _ => null,
    };
}
