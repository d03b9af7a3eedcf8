using BlueGreen.Cli.Operator;

namespace BlueGreen.Cli.Watching;

/// <summary>
/// Watches one execution for <c>watch</c> and <c>deploy</c>: the live view on a terminal, timestamped
/// lines otherwise (on stderr under <c>--output json</c>, so stdout holds only the document), then
/// the ending in words or as JSON. Returns the exit code the ending means.
/// </summary>
internal static class WatchRun
{
    public static async Task<int> RunAsync(OperatorSession session, string executionArn, CancellationToken cancellationToken)
    {
        var json = session.Output == OutputFormat.Json;
        Task<(BlueGreen.Aws.StepFunctions.Execution Execution, IReadOnlyList<BlueGreen.Aws.StepFunctions.HistoryEvent> History, DeploymentEnding Ending)> Watch(IWatchView view) =>
            new DeploymentWatcher(session.Aws, view, session.Time, session.StackArguments()).WatchAsync(executionArn, cancellationToken);

        var (execution, _, ending) = !json && LiveWatchView.Available(session.Out)
            ? await LiveWatchView.RunAsync(Watch)
            : await Watch(new PlainWatchView(json ? session.Error : session.Out));

        if (json)
        {
            await session.WriteJsonAsync(ending.ToJson(execution));
        }
        else
        {
            foreach (var line in ending.Words(execution))
            {
                await session.Out.WriteLineAsync(line);
            }
        }

        return ending.ExitCode;
    }
}
