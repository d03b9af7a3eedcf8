using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Internal;

namespace BlueGreen.Core.Requests;

/// <summary>
/// Reads Step Functions' <c>Step Functions Execution Status Change</c> event (source
/// <c>aws.states</c>), the third event shape the state machine accepts beside the AMI events.
/// Only a stopped (ABORTED) or timed-out (TIMED_OUT) execution is accepted: those are the endings
/// that skip the workflow's own rollback.
/// </summary>
public static class ExecutionStatusChange
{
    public const string Source = "aws.states";
    public const string DetailType = "Step Functions Execution Status Change";

    private const string Fix = "send the Step Functions Execution Status Change event unchanged (the template's RecoverStoppedDeploymentRule does), or run `bluegreen abort <execution>`";

    public static bool IsEvent(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && Text(root, "source") == Source && Text(root, "detail-type") == DetailType;

    /// <summary>The stopped execution the event names; <see cref="InvalidRequest"/> listing every problem otherwise.</summary>
    public static StoppedExecution Read(JsonElement root)
    {
        var problems = new ProblemCollector();
        var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        if (detail.ValueKind != JsonValueKind.Object)
        {
            problems.Add("$.detail", "is missing, so the event names no execution", Fix);
            problems.ThrowIfAny();
        }

        var executionArn = Text(detail, "executionArn");
        if (executionArn is null || !executionArn.StartsWith("arn:", StringComparison.Ordinal) || !executionArn.Contains(":execution:", StringComparison.Ordinal))
        {
            problems.Add("$.detail.executionArn", executionArn is null ? "is missing" : $"\"{ObjectReader.Shorten(executionArn)}\" is not an execution ARN", Fix);
        }

        var status = Text(detail, "status");
        if (status is not (StoppedExecution.Aborted or StoppedExecution.TimedOut))
        {
            problems.Add(
                "$.detail.status",
                status is null ? "is missing" : $"the execution is \"{ObjectReader.Shorten(status)}\"; only ABORTED and TIMED_OUT executions are cleaned up (the others ended through their own workflow)",
                "filter the EventBridge rule on detail.status [\"ABORTED\", \"TIMED_OUT\"]");
        }

        problems.ThrowIfAny();
        var stoppedAt = detail.TryGetProperty("stopDate", out var stop) && stop.ValueKind == JsonValueKind.Number && stop.TryGetInt64(out var millis)
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : (DateTimeOffset?)null;
        return new StoppedExecution(
            executionArn!,
            Text(detail, "stateMachineArn"),
            Text(detail, "name"),
            status!,
            Text(detail, "error") is { Length: > 0 } error ? error : null,
            Text(detail, "cause") is { Length: > 0 } cause ? cause : null,
            stoppedAt,
            Text(root, "id"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
