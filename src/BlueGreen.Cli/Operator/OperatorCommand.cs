using System.CommandLine;
using Amazon.Runtime;
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
            string? profile = null;
            try
            {
                using var session = OperatorSession.Open(result, common, output, error);
                profile = session.Profile;
                return await action(session, result, cancellation);
            }
            catch (Exception exception) when (!cancellation.IsCancellationRequested && Classify(exception, profile) is { } known)
            {
                await error.WriteLineAsync(known.OneLine);
                return known.ExitCode;
            }
        });
        options = common;
        return command;
    }

    /// <summary>The one-line form of an error a user can cause or fix; null for our own defects.</summary>
    public static OperatorError? Classify(Exception exception, string? profile = null) => exception switch
    {
        OperatorError known => known,
        _ when OperatorCredentials.Classify(exception, profile) is { } credentials => credentials,
        AwsAccessDeniedException { Code: "ExpiredToken" or "ExpiredTokenException" } expired => new OperatorError("CredentialsExpired", expired.ErrorMessage, profile is null ? "Refresh the credentials (aws sso login, or new keys)." : $"Run aws sso login --profile {profile}, or refresh the profile's keys.", ExitCodes.Unreachable),
        AwsAccessDeniedException denied => new OperatorError("AccessDenied", $"{denied.Service}.{denied.Operation}: {denied.ErrorMessage}", "Check the profile's permissions (docs/cli.md lists what each command needs)."),
        HttpRequestException unreachable => new OperatorError("AwsUnreachable", unreachable.Message, "Check the network, --region and AWS_ENDPOINT_URL.", ExitCodes.Unreachable),
        AwsServiceUnavailableException unavailable => new OperatorError("AwsUnreachable", unavailable.Message, "AWS answered with server errors; try again, or check AWS_ENDPOINT_URL.", ExitCodes.Unreachable),
        TaskCanceledException or TimeoutException => new OperatorError("AwsUnreachable", "AWS did not answer in time.", "Check the network, --region and AWS_ENDPOINT_URL.", ExitCodes.Unreachable),
        _ => null,
    };
}
