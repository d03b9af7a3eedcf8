using System.CommandLine;
using BlueGreen.Cli.Inspection;
using BlueGreen.Cli.Operator;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen status [&lt;application&gt;]</c>: per application (all with settings or tagged groups
/// when none is named) the live group, its AMI and capacity, the traffic split, the deployment in
/// flight and the last outcome. Reads only. Exit codes: 0 read, 2 unknown application, 3 AWS unreachable.
/// </summary>
internal static class StatusCommand
{
    /// <summary>Executions read (newest first, one DescribeExecution each) to find the last outcome
    /// of each application: one ListExecutions page. An application whose last deployment is older
    /// shows none; <c>bluegreen history</c> reads further.</summary>
    public const int ExecutionsForLastOutcome = 100;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var application = new Argument<string?>("application")
        {
            Description = "The application; every application (settings in SSM, or groups tagged bluegreen:application) when left out.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = OperatorCommand.Create(
            "status",
            "Show each application's live group, AMI, capacity, traffic split, deployment in flight and last outcome.",
            output,
            error,
            async (session, result, cancellation) =>
            {
                var stack = await session.StackAsync(cancellation);
                var catalog = new ApplicationCatalog(session.Aws);
                var names = result.GetValue(application) is { } named ? [named] : await catalog.ListAsync(cancellation);
                var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    settings[name] = await catalog.RequireAsync(name, cancellation);
                }

                var scan = new ExecutionScan(session.Aws, stack.StateMachineArn);
                var last = new Dictionary<string, DeploymentRecord>(StringComparer.Ordinal);
                if (names.Count > 0)
                {
                    await scan.ScanAsync(ExecutionsForLastOutcome, record =>
                    {
                        if (record is { Application: { } app, Status: not Aws.StepFunctions.ExecutionStatus.Running } && settings.ContainsKey(app))
                        {
                            last.TryAdd(app, record);
                        }

                        return last.Count == names.Count;
                    }, cancellation);
                }

                var reader = new StatusReader(session.Aws, catalog, stack, session.Time);
                var statuses = new List<ApplicationStatus>();
                foreach (var name in names)
                {
                    statuses.Add(await reader.ReadAsync(name, settings[name], last.GetValueOrDefault(name), cancellation));
                }

                var now = session.Time.GetUtcNow();
                if (session.Output == OutputFormat.Json)
                {
                    await session.WriteJsonAsync(StatusView.Json(stack.StackName, statuses, scan.Scanned, now));
                }
                else
                {
                    await session.Out.WriteAsync(statuses.Count == 0
                        ? $"No applications: no settings under {ApplicationCatalog.SettingsPath}/ and no group tagged {Core.Naming.TagKeys.Application}.{Environment.NewLine}"
                        : StatusView.Text(statuses, now));
                }

                return ExitCodes.Done;
            },
            out _);
        command.Arguments.Add(application);
        return command;
    }
}
