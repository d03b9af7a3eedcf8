using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Health;

namespace BlueGreen.Cli.Watching;

/// <summary>
/// Follows one execution to its end from its history (states entered, green's group from
/// ProvisionGreen's output, the split from ShiftTraffic's, the approval wait) and green's fleet
/// (DescribeAutoScalingGroups and target health, at most every <see cref="FleetInterval"/>), and
/// tells a view about each change. Reads only: stopping it leaves the deployment running.
/// </summary>
internal sealed class DeploymentWatcher(AwsClients aws, IWatchView view, TimeProvider time, string stackArguments)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan FleetInterval = TimeSpan.FromSeconds(3);

    private readonly FleetHealthReader _fleet = new(aws.AutoScaling, aws.LoadBalancing);

    private long _seen;
    private DateTimeOffset _at;
    private string _executionArn = "";
    private string? _application;
    private string? _imageId;
    private string? _state;
    private string? _printedState;
    private DateTimeOffset _stateSince;
    private string? _greenGroup;
    private GreenCounts? _green;
    private DateTimeOffset _fleetReadAt = DateTimeOffset.MinValue;
    private TrafficShift? _traffic;
    private TrafficSplit? _split;
    private IReadOnlyList<string>? _approval;

    public async Task<(Execution Execution, IReadOnlyList<HistoryEvent> History, DeploymentEnding Ending)> WatchAsync(string executionArn, CancellationToken cancellationToken)
    {
        _executionArn = executionArn;
        var watchStarted = time.GetUtcNow();
        while (true)
        {
            var execution = await aws.StepFunctions.DescribeExecutionAsync(executionArn, cancellationToken);
            var history = await aws.StepFunctions.GetExecutionHistoryAsync(executionArn, cancellationToken);
            var started = execution.StartedAt ?? watchStarted;
            foreach (var item in history.Where(e => e.Id > _seen))
            {
                _at = item.Timestamp ?? time.GetUtcNow();
                Read(item, _at - started);
                _seen = item.Id;
            }

            var now = time.GetUtcNow();
            if (execution.Status != ExecutionStatus.Running)
            {
                var end = execution.StoppedAt ?? now;
                view.Show(new WatchSnapshot(execution.Name, _application, _imageId, _state, end - started, end - _stateSince, _green, _split, null));
                return (execution, history, DeploymentEnding.From(execution, history));
            }

            await ReadFleetAsync(now - started, cancellationToken);
            view.Show(new WatchSnapshot(execution.Name, _application, _imageId, _state, now - started, now - _stateSince, _green, _split, _approval));
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private void Read(HistoryEvent item, TimeSpan elapsed)
    {
        var details = Details(item);
        switch (item.Type)
        {
            case "ExecutionStarted":
                ReadRequest(Json(details?["input"]?.GetValue<string>()));
                break;
            case var entered when entered.EndsWith("StateEntered", StringComparison.Ordinal):
                _state = item.StateName;
                _stateSince = item.Timestamp ?? time.GetUtcNow();
                if (!entered.StartsWith("Choice", StringComparison.Ordinal) && !entered.StartsWith("Wait", StringComparison.Ordinal) && _printedState != item.StateName)
                {
                    _printedState = item.StateName;
                    view.Note(_at, elapsed, $"→ {item.StateName}");
                }

                if (item.StateName == "AwaitApproval")
                {
                    AskForApproval(elapsed);
                }

                break;
            case "TaskStateExited":
                ReadStateOutput(item.StateName, Json(details?["output"]?.GetValue<string>()), elapsed);
                break;
            case "TaskFailed" or "LambdaFunctionFailed" or "TaskTimedOut" or "LambdaFunctionTimedOut":
                view.Note(_at, elapsed, $"  ✗ {details?["error"]}: {FirstLine(details?["cause"]?.ToString())}");
                break;
        }
    }

    private void ReadRequest(JsonNode? input)
    {
        _application ??= (input as JsonObject)?["application"]?.ToString();
        _imageId ??= (input as JsonObject)?["imageId"]?.ToString();
    }

    private void ReadStateOutput(string? stateName, JsonNode? output, TimeSpan elapsed)
    {
        if (output?["deployment"] is JsonObject deployment)
        {
            _application = deployment["application"]?.ToString() ?? _application;
            _imageId = deployment["imageId"]?.ToString() ?? _imageId;
        }

        if (output?["green"]?["groupName"]?.ToString() is { } green && green != _greenGroup)
        {
            _greenGroup = green;
            view.Note(_at, elapsed, $"  green group: {green}");
        }

        if (stateName == "AwaitApproval")
        {
            _approval = null;
        }

        if (stateName == "ShiftTraffic" && State(output) is { Traffic: { } traffic } state)
        {
            if (ShiftTraffic.TrafficMoved(state.Deployment, _traffic, traffic) is { } split)
            {
                _split = split;
                var step = split is { Step: { } n, Steps: { } of } ? $" (step {n} of {of})" : "";
                view.Note(_at, elapsed, $"  traffic: green {split.GreenPercent}% / blue {split.BluePercent}%{step}");
            }

            _traffic = traffic;
        }
    }

    private void AskForApproval(TimeSpan elapsed)
    {
                _approval =
        [
            $"bluegreen approve {_executionArn}{stackArguments} --comment \"looks good\"",
            $"bluegreen reject {_executionArn}{stackArguments} --reason \"why\"",
        ];
        view.Note(_at, elapsed, $"  waiting for approval: green is healthy and serves no traffic yet. Answer with\n    {_approval[0]}\n    {_approval[1]}");
    }

    private async Task ReadFleetAsync(TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_greenGroup is null || now - _fleetReadAt < FleetInterval)
        {
            return;
        }

        _fleetReadAt = now;
        _at = now;
        try
        {
            if (await _fleet.FindGroupAsync(_greenGroup, cancellationToken) is not { } group)
            {
                return;
            }

            var instances = await _fleet.ReadAsync(group, group.TargetGroupArns, cancellationToken);
            var inService = instances.Count(i => i.LifecycleState == "InService");
            var healthy = instances.Count(i => i.LifecycleState == "InService" && i.TargetHealth.Count == group.TargetGroupArns.Count && i.TargetHealth.Values.All(s => s == "healthy"));
            var counts = new GreenCounts(group.Name, group.DesiredCapacity, inService, healthy, group.TargetGroupArns.Count);
            if (counts != _green)
            {
                _green = counts;
                var targets = counts.TargetGroups == 0 ? "" : $", {counts.Healthy}/{counts.Desired} healthy in {counts.TargetGroups} target group{(counts.TargetGroups == 1 ? "" : "s")}";
                view.Note(_at, elapsed, $"  green {counts.GroupName}: {counts.InService}/{counts.Desired} in service{targets}");
            }
        }
        catch (AwsServiceException)
        {
            // The fleet is a courtesy: a throttled or refused read must not end the watch.
        }
    }

    private static WorkflowState? State(JsonNode? output)
    {
        try
        {
            return output?.Deserialize(FunctionJsonContext.Default.WorkflowState);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Details(HistoryEvent item) => Json(item.Details);

    private static JsonNode? Json(string? text)
    {
        try
        {
            return text is null ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLine(string? text)
    {
        var message = text ?? "";
        try
        {
            var parsed = JsonNode.Parse(message);
            message = parsed?["errorMessage"]?.GetValue<string>() ?? parsed?["message"]?.GetValue<string>() ?? message;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
        }

        var line = message.Split('\n')[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
