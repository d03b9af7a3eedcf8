using System.CommandLine;
using BlueGreen.Cli.Deploying;
using BlueGreen.Cli.Operator;
using BlueGreen.Cli.Watching;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen deploy &lt;application&gt; --image &lt;ami&gt; [--strategy …] [--traffic …] [--reason …]
/// [--dry-run] [--no-wait]</c>: starts the stack's state machine with the console input and, unless
/// <c>--no-wait</c>, watches it to the end. Exit codes: 0 promoted (or planned, or started with
/// --no-wait), 1 failed/rolled back/stopped, 2 refused or bad usage, 3 AWS unreachable.
/// </summary>
internal static class DeployCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var application = new Argument<string>("application") { Description = "The application (its settings are /bluegreen/applications/<application>)." };
        var image = new Option<string>("--image") { Description = "The AMI to deploy, e.g. ami-0abc1234def567890.", Required = true };
        var strategy = new Option<string?>("--strategy") { Description = "Override the settings' strategy." };
        strategy.AcceptOnlyFromAmong(DeployRequest.Strategies);
        var traffic = new Option<string?>("--traffic") { Description = "Override the settings' traffic shift (canary and linear need --percent)." };
        traffic.AcceptOnlyFromAmong(DeployRequest.TrafficTypes);
        var percent = new Option<int?>("--percent") { Description = "canary: green's first share (1-99); linear: the share added each step (1-100)." };
        var interval = new Option<int?>("--interval") { Description = "Seconds between traffic steps (canary, linear; default 60)." };
        var reason = new Option<string?>("--reason") { Description = "Why (at most 256 characters): tagged on green, shown in approvals and history." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and plan against the live fleet; write nothing." };
        var noWait = new Option<bool>("--no-wait") { Description = "Start and print the execution; do not watch it." };

        var command = OperatorCommand.Create(
            "deploy",
            "Deploy an AMI to an application: start a blue/green deployment and watch it to the end.",
            output,
            error,
            async (session, result, cancellation) =>
            {
                var request = new DeployRequest(
                    result.GetValue(application)!,
                    result.GetValue(image)!,
                    result.GetValue(strategy),
                    result.GetValue(traffic),
                    result.GetValue(percent),
                    result.GetValue(interval),
                    result.GetValue(reason),
                    result.GetValue(dryRun)).Validated();
                var stack = await session.StackAsync(cancellation);
                var name = ExecutionName.For(request.Application, request.ImageId, session.Time.GetUtcNow(), request.DryRun);
                var arn = await session.Aws.StepFunctions.StartExecutionAsync(stack.StateMachineArn, name, request.ToInput().ToJsonString(), cancellation);
                if (result.GetValue(noWait))
                {
                    return await StartedAsync(session, arn, name, cancellation);
                }

                if (session.Output == OutputFormat.Text)
                {
                    await session.Out.WriteLineAsync($"Started {name} ({arn})");
                    await session.Out.WriteLineAsync($"Ctrl+C stops watching, not the deployment: bluegreen watch {name}{session.StackArguments()} follows it again.");
                }

                return await WatchRun.RunAsync(session, arn, cancellation);
            },
            out _);
        command.Arguments.Add(application);
        foreach (var option in new Option[] { image, strategy, traffic, percent, interval, reason, dryRun, noWait })
        {
            command.Options.Add(option);
        }

        return command;
    }

    private static async Task<int> StartedAsync(OperatorSession session, string arn, string name, CancellationToken cancellation)
    {
        if (session.Output == OutputFormat.Json)
        {
            var execution = await session.Aws.StepFunctions.DescribeExecutionAsync(arn, cancellation);
            await session.WriteJsonAsync(DeploymentEnding.From(execution, []).ToJson(execution));
        }
        else
        {
            await session.Out.WriteLineAsync($"Started {name} ({arn})");
            await session.Out.WriteLineAsync($"Follow it: bluegreen watch {name}{session.StackArguments()}");
        }

        return ExitCodes.Done;
    }
}
