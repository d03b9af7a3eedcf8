using System.CommandLine;
using BlueGreen.Cli.Inspection;
using BlueGreen.Cli.Operator;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen history &lt;application&gt; [--limit N]</c>: the application's deployments newest
/// first (start, duration, AMI, strategy, outcome, error), read from the executions of the stack's
/// state machine. Reads only. Exit codes: 0 read, 2 unknown application or bad usage, 3 AWS unreachable.
/// </summary>
internal static class HistoryCommand
{
    public const int DefaultLimit = 10;

    public const int MaxLimit = 100;

    /// <summary>Executions read at most (5 ListExecutions pages, one DescribeExecution each): the
    /// state machine runs every application's deployments, so one application's N newest can be
    /// far back. The scan stops as soon as N are found.</summary>
    public const int MaxExecutions = 500;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var application = new Argument<string>("application") { Description = "The application whose deployments to list." };
        var limit = new Option<int>("--limit")
        {
            Description = $"How many deployments, newest first (1–{MaxLimit}; default {DefaultLimit}). At most the newest {MaxExecutions} executions are read.",
            DefaultValueFactory = _ => DefaultLimit,
        };
        var command = OperatorCommand.Create(
            "history",
            "List an application's past deployments: start, duration, AMI, strategy, outcome, error.",
            output,
            error,
            async (session, result, cancellation) =>
            {
                var name = result.GetValue(application)!;
                var count = result.GetValue(limit);
                if (count is < 1 or > MaxLimit)
                {
                    throw new OperatorError("InvalidLimit", $"--limit {count} is out of range.", $"Give 1 to {MaxLimit}.");
                }

                var stack = await session.StackAsync(cancellation);
                await new ApplicationCatalog(session.Aws).RequireAsync(name, cancellation);
                var scan = new ExecutionScan(session.Aws, stack.StateMachineArn);
                var deployments = new List<DeploymentRecord>();
                await scan.ScanAsync(MaxExecutions, record =>
                {
                    if (record.Application == name)
                    {
                        deployments.Add(record);
                    }

                    return deployments.Count >= count;
                }, cancellation);

                var now = session.Time.GetUtcNow();
                if (session.Output == OutputFormat.Json)
                {
                    await session.WriteJsonAsync(HistoryView.Json(stack.StackName, name, count, deployments, scan, now));
                }
                else
                {
                    await session.Out.WriteAsync(HistoryView.Text(name, deployments, scan, count, now));
                }

                return ExitCodes.Done;
            },
            out _);
        command.Arguments.Add(application);
        command.Options.Add(limit);
        return command;
    }
}
