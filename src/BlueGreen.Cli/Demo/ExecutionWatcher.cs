using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Cli.Demo;

/// <summary>Prints an execution's states as they happen (from its history) until it ends.</summary>
internal sealed class ExecutionWatcher(IStepFunctions stepFunctions, TextWriter output, TimeProvider time)
{
    public async Task<(Execution Execution, IReadOnlyList<HistoryEvent> History)> WatchAsync(string executionArn, string label, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var printed = 0;
        while (true)
        {
            var execution = await stepFunctions.DescribeExecutionAsync(executionArn, cancellationToken);
            var history = await stepFunctions.GetExecutionHistoryAsync(executionArn, cancellationToken);
            foreach (var item in history.Skip(printed))
            {
                Print(item, label, time.GetUtcNow() - started);
            }

            printed = history.Count;
            if (execution.Status != ExecutionStatus.Running)
            {
                return (execution, history);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }
    }

    private void Print(HistoryEvent item, string label, TimeSpan elapsed)
    {
        var at = $"{label}{elapsed.TotalSeconds,7:F1}s";
        if (item.Type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            output.WriteLine($"{at}  → {item.StateName}");
        }
        else if (item.Type is "TaskFailed" or "LambdaFunctionFailed" && Details(item) is { } failed)
        {
            output.WriteLine($"{at}    ✗ {failed["error"]}: {FirstLine(failed["cause"]?.ToString())}");
        }
        else if (item.Type is "ExecutionSucceeded")
        {
            output.WriteLine($"{at}  ✓ execution succeeded");
        }
        else if (item.Type is "ExecutionFailed" && Details(item) is { } failure)
        {
            output.WriteLine($"{at}  ✗ execution failed: {failure["error"]}");
        }
    }

    private static JsonNode? Details(HistoryEvent item) => item.Details is null ? null : JsonNode.Parse(item.Details);

    private static string FirstLine(string? text)
    {
        var message = text ?? "";
        try
        {
            message = JsonNode.Parse(message)?["errorMessage"]?.GetValue<string>() ?? message;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var line = message.Split('\n')[0];
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
