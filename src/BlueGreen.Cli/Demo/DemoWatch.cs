using BlueGreen.Aws;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Cli.Watching;

namespace BlueGreen.Cli.Demo;

/// <summary>The demo follows its executions with the same watcher as <c>bluegreen watch</c>, in plain
/// lines (labelled when two executions take turns), and ends each with the same words.</summary>
internal sealed class DemoWatch(AwsClients aws, TextWriter output, TimeProvider time)
{
    public async Task<(Execution Execution, IReadOnlyList<HistoryEvent> History)> WatchAsync(string executionArn, string label, CancellationToken cancellationToken)
    {
        var (execution, history, ending) = await new DeploymentWatcher(aws, new PlainWatchView(output, label), time, "")
            .WatchAsync(executionArn, cancellationToken);
        foreach (var line in ending.Words(execution))
        {
            await output.WriteLineAsync(label + line);
        }

        return (execution, history);
    }
}
