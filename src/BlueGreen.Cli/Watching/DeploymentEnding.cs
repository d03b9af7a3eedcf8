using System.Globalization;
using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Cli.Operator;
using BlueGreen.Core.Outputs;

namespace BlueGreen.Cli.Watching;

/// <summary>
/// How a deployment ended, in words and as an exit code. A refusal is told from a rollback by the
/// Fail state the execution ended in (<c>Refused</c>/<c>RefusedUnexplained</c>: nothing was written;
/// <c>RolledBack</c>: blue restored; <c>RollbackFailed…</c>: work left by hand), which the ASL names
/// once; the cause's <c>rolledBack</c> flag decides when the history no longer shows it. The one
/// classifier of endings: <c>deploy</c> and <c>watch</c> print it, <c>history</c> and <c>status</c>
/// list its <see cref="Outcome"/>.
/// </summary>
internal sealed record DeploymentEnding(
    string Outcome,
    int ExitCode,
    string Status,
    string? Error,
    string? Message,
    bool? RolledBack,
    string? LiveGroup,
    JsonNode? Output)
{
    public const string Promoted = "Promoted";
    public const string DryRun = "DryRun";
    public const string Ignored = "Ignored";
    public const string Refused = "Refused";
    public const string RolledBackOutcome = "RolledBack";
    public const string RollbackFailed = "RollbackFailed";
    public const string Stopped = "Stopped";
    public const string TimedOut = "TimedOut";
    public const string Running = "Running";

    public static DeploymentEnding From(Execution execution, IReadOnlyList<HistoryEvent> history)
    {
        var status = StatusText(execution.Status);
        var output = Parse(execution.Output);
        var succeededAs = (output as JsonObject)?["outcome"]?.ToString();
        switch (execution.Status)
        {
            case ExecutionStatus.Running:
                return new(Running, ExitCodes.Done, status, null, null, null, null, null);
            case ExecutionStatus.Succeeded when succeededAs == DeploymentOutcome.Promoted:
                return new(Promoted, ExitCodes.Done, status, null, null, null, output?["liveGroup"]?.ToString(), output);
            case ExecutionStatus.Succeeded when succeededAs == Ignored:
                return new(Ignored, ExitCodes.Refused, status, null, output?["reason"]?.ToString(), null, null, output);
            case ExecutionStatus.Succeeded when succeededAs is null or DryRun:
                // PlanReady (dry run) ends with the plan as the output (its outcome is "DryRun").
                return new(DryRun, ExitCodes.Done, status, null, null, null, null, output);
            case ExecutionStatus.Succeeded:
                // A cleanup execution's endings (CleanedUp, LockReleased, NothingToCleanUp…) say what it did.
                return new(succeededAs, ExitCodes.Done, status, null, output?["message"]?.ToString(),
                    output?["rolledBack"]?.GetValue<bool>(), output?["liveGroup"]?.ToString(), output);
            case ExecutionStatus.Aborted:
                return new(Stopped, ExitCodes.DeploymentFailed, status, execution.Error, execution.Cause, null, null, null);
            case ExecutionStatus.TimedOut:
                return new(TimedOut, ExitCodes.DeploymentFailed, status, execution.Error ?? "States.Timeout", execution.Cause, null, null, null);
        }

        var cause = FailureCause.Read(execution.Cause);
        var message = cause?.Message ?? execution.Cause;
        var endState = history.LastOrDefault(e => e.Type == "FailStateEntered")?.StateName;
        var outcome = endState switch
        {
            "Refused" or "RefusedUnexplained" => Refused,
            "RolledBack" => RolledBackOutcome,
            not null when endState.StartsWith("RollbackFailed", StringComparison.Ordinal) => RollbackFailed,
            _ when execution.Error == "RollbackFailed" => RollbackFailed,
            _ when cause is { RolledBack: true } => RolledBackOutcome,
            _ => Refused,
        };
        return new(outcome, outcome == Refused ? ExitCodes.Refused : ExitCodes.DeploymentFailed, status, execution.Error, message, cause?.RolledBack, cause?.LiveGroup, null);
    }

    /// <summary>The ending in words, one or more lines.</summary>
    public IEnumerable<string> Words(Execution execution)
    {
        var took = execution is { StartedAt: { } start, StoppedAt: { } stop } ? $" after {Duration(stop - start)}" : "";
        switch (Outcome)
        {
            case Promoted:
                var retired = Output?["retiredGroup"]?.GetValue<string>();
                yield return $"✓ Promoted{took}: {Output?["imageId"]} is live on {LiveGroup}" + (retired is null ? "." : $"; blue {retired} is retired.");
                foreach (var warning in Output?["warnings"]?.AsArray() ?? [])
                {
                    yield return $"  ⚠ {warning}";
                }

                break;
            case DryRun:
                yield return $"✓ Dry run planned{took}: nothing was written. The plan (--output json prints all of it):";
                foreach (var line in Output?["summary"]?.AsArray() ?? [])
                {
                    yield return $"  {line}";
                }

                break;
            case Ignored:
                yield return $"– Ignored: {Message}. Nothing was deployed.";
                break;
            case Refused:
                yield return $"✗ Refused ({Error}): {Message} Nothing was changed.";
                break;
            case RolledBackOutcome:
                yield return $"✗ Rolled back{took} ({Error}): {Message}";
                yield return $"  Blue is live: {LiveGroup ?? "(unknown)"}; green is removed and the lock is free.";
                break;
            case RollbackFailed:
                yield return $"✗ Rollback failed{took} ({Error}): {Message}";
                yield return "  The lock is kept; the cause above says what to do by hand.";
                break;
            case Stopped:
                yield return $"✗ Stopped{took}" + (Error is null ? "" : $" ({Error}{(Cause(execution) is { } why ? ": " + why : "")})") + ". The stack's rule rolls it back: traffic to blue, green removed.";
                break;
            case TimedOut:
                yield return $"✗ Timed out{took}. The stack's rule rolls it back: traffic to blue, green removed.";
                break;
            default:
                yield return $"✓ {Outcome}{took}: {Message}";
                break;
        }
    }

    public JsonObject ToJson(Execution execution) => new()
    {
        ["executionArn"] = execution.Arn,
        ["executionName"] = execution.Name,
        ["application"] = (Output?["application"] ?? Parse(execution.Input)?["application"])?.DeepClone(),
        ["imageId"] = (Output?["imageId"] ?? Parse(execution.Input)?["imageId"])?.DeepClone(),
        ["status"] = Status,
        ["outcome"] = Outcome,
        ["error"] = Error,
        ["cause"] = Message,
        ["rolledBack"] = RolledBack,
        ["liveGroup"] = LiveGroup,
        ["startedAt"] = Time(execution.StartedAt),
        ["stoppedAt"] = Time(execution.StoppedAt),
        ["durationSeconds"] = execution is { StartedAt: { } s, StoppedAt: { } e } ? Math.Round((e - s).TotalSeconds, 1) : null,
        ["output"] = Output?.DeepClone(),
    };

    public static string StatusText(ExecutionStatus status) => status.ToWire();

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s"
        : $"{span.TotalSeconds:0.0}s";

    private static string? Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private string? Cause(Execution execution) => execution.Cause is { Length: > 0 } cause ? cause : null;

    private static JsonNode? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
