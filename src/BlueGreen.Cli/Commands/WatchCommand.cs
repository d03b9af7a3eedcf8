using System.CommandLine;
using BlueGreen.Aws.Errors;
using BlueGreen.Cli.Operator;
using BlueGreen.Cli.Watching;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen watch &lt;execution&gt;</c>: follows a deployment to its end (state, time, green's
/// counts, the split, the approval commands) and says how it ended. Reads only: Ctrl+C stops
/// watching, not the deployment. The exit code is the deployment's, as for <c>deploy</c>.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var execution = new Argument<string>("execution") { Description = "The execution's ARN, or its name (an execution of the stack's state machine)." };
        var command = OperatorCommand.Create(
            "watch",
            "Follow a deployment to its end: state, green's health, the traffic split, approvals, the outcome.",
            output,
            error,
            async (session, result, cancellation) =>
            {
                var given = result.GetValue(execution)!;
                var arn = given.StartsWith("arn:", StringComparison.Ordinal)
                    ? given
                    : ExecutionArns.Resolve(given, (await session.StackAsync(cancellation)).StateMachineArn);
                try
                {
                    await session.Aws.StepFunctions.DescribeExecutionAsync(arn, cancellation);
                }
                catch (Exception exception) when (exception is AwsNotFoundException or AwsValidationException)
                {
                    throw new OperatorError("ExecutionNotFound", $"No execution {given} of stack {session.StackName}.", "Pass its ARN or name (bluegreen history lists them), and --stack.");
                }

                return await WatchRun.RunAsync(session, arn, cancellation);
            },
            out _);
        command.Arguments.Add(execution);
        return command;
    }
}
