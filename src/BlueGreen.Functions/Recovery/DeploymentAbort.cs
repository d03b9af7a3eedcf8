using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Executions;
using BlueGreen.Functions.Locking;

namespace BlueGreen.Functions.Recovery;

/// <summary>
/// <c>bluegreen abort &lt;execution&gt; [--reason …]</c>: stops a running deployment (StopExecution,
/// error <c>DeploymentAborted</c>, the reason as cause), then waits for its cleanup — the execution
/// the status-change rule starts, found through the claim on the lock item or among the state
/// machine's newest executions — and starts one itself when none appears within
/// <paramref name="cleanupAppears"/> (the claim makes a duplicate harmless). An execution already
/// stopped or timed out is only cleaned up. Nothing here writes to the fleet: the cleanup does.
/// </summary>
public sealed class DeploymentAbort(IStepFunctions stepFunctions, CleanupClaims claims, TimeProvider time, TimeSpan cleanupAppears, TimeSpan cleanupTimeout)
{
    public const string AbortedError = "DeploymentAborted";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<AbortResult> AbortAsync(string execution, string stateMachine, string? reason, CancellationToken cancellationToken)
    {
        var arn = await ExecutionReference.ResolveAsync(stepFunctions, execution, stateMachine, cancellationToken);
        var described = arn is null ? null : await HolderStatus.DescribeAsync(stepFunctions, arn, cancellationToken);
        if (described is null)
        {
            return Refused(AbortResult.ExecutionNotFound, $"No execution {arn ?? execution} (state machine {stateMachine}): check the name or ARN, --state-machine and AWS_REGION.");
        }

        var stoppedNow = false;
        if (described.Status == ExecutionStatus.Running)
        {
            var cause = string.IsNullOrWhiteSpace(reason) ? "Aborted with bluegreen abort." : reason.Trim();
            await stepFunctions.StopExecutionAsync(described.Arn, AbortedError, cause, cancellationToken);
            stoppedNow = true;
            described = await UntilEndedAsync(described.Arn, cancellationToken);
        }

        if (!HolderStatus.AwaitsCleanup(described))
        {
            return Refused(AbortResult.NotStopped, $"Execution {described.Arn} ended {Name(described.Status)} through its own workflow, which rolled back or promoted it: there is nothing to clean up.");
        }

        var cleanup = await FindCleanupAsync(described, cancellationToken) ?? await StartCleanupAsync(described, cancellationToken);
        var ended = await UntilEndedAsync(cleanup, cancellationToken, cleanupTimeout);
        if (ended.Status == ExecutionStatus.Succeeded && Outcome(ended) is { Outcome: CleanupOutcome.AlreadyBeingCleanedUp, CleanupBy: { } other })
        {
            // Ours lost the claim to one that appeared late: that one's ending is the answer.
            (cleanup, ended) = (other, await UntilEndedAsync(other, cancellationToken, cleanupTimeout));
        }

        return Report(described, stoppedNow, cleanup, ended);
    }

    private AbortResult Report(Execution stopped, bool stoppedNow, string cleanup, Execution ended)
    {
        var what = stoppedNow ? $"Stopped {stopped.Arn}." : $"{stopped.Arn} had already ended {Name(stopped.Status)}.";
        if (ended.Status != ExecutionStatus.Succeeded)
        {
            var steps = ended.Error == "RollbackFailed" ? "The lock is kept; do these steps by hand, then run bluegreen abort again to release it:" : "Its cause:";
            return new AbortResult(1, $"{what}\nThe cleanup {cleanup} ended {Name(ended.Status)} {ended.Error}. {steps}\n{ended.Cause}", stopped.Arn, cleanup);
        }

        var outcome = Outcome(ended);
        var text = outcome?.Outcome switch
        {
            CleanupOutcome.CleanedUp => $"{what}\nCleanup {cleanup} rolled it back: traffic is back on blue ({outcome.LiveGroup}), green is removed, the lock is free.",
            CleanupOutcome.LockReleased => $"{what}\nCleanup {cleanup}: {outcome.Message}",
            CleanupOutcome.NothingToCleanUp => $"{what}\nNothing to roll back: {outcome.Message}",
            _ => $"{what}\nCleanup {cleanup}: {outcome?.Message ?? ended.Output}",
        };
        var exit = outcome?.Outcome switch
        {
            CleanupOutcome.CleanedUp or CleanupOutcome.LockReleased => 0,
            CleanupOutcome.NothingToCleanUp => stoppedNow ? 0 : 2,
            _ => 1,
        };
        return new AbortResult(exit, text, stopped.Arn, cleanup, outcome);
    }

    /// <summary>The cleanup claimed on the stopped execution's lock, or a newer execution of the same
    /// state machine whose input is this execution's status change.</summary>
    private async Task<string?> FindCleanupAsync(Execution stopped, CancellationToken cancellationToken)
    {
        var since = (stopped.StoppedAt ?? time.GetUtcNow()) - TimeSpan.FromMinutes(1);
        var examined = new HashSet<string>(StringComparer.Ordinal) { stopped.Arn };
        var deadline = time.GetUtcNow() + cleanupAppears;
        do
        {
            if (await claims.FindAsync(stopped.Arn, cancellationToken) is { CleanupBy: { } claimed })
            {
                return claimed;
            }

            foreach (var candidate in await stepFunctions.ListExecutionsAsync(stopped.StateMachineArn, 20, cancellationToken))
            {
                if (candidate.StartedAt >= since && examined.Add(candidate.Arn)
                    && (await stepFunctions.DescribeExecutionAsync(candidate.Arn, cancellationToken)).Input is { } input
                    && input.Contains(ExecutionStatusChange.DetailType, StringComparison.Ordinal)
                    && input.Contains(stopped.Arn, StringComparison.Ordinal))
                {
                    return candidate.Arn;
                }
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
        while (time.GetUtcNow() < deadline);

        return null;
    }

    private async Task<string> StartCleanupAsync(Execution stopped, CancellationToken cancellationToken)
    {
        var detail = new JsonObject
        {
            ["executionArn"] = stopped.Arn,
            ["stateMachineArn"] = stopped.StateMachineArn,
            ["name"] = stopped.Name,
            ["status"] = Name(stopped.Status),
            ["stopDate"] = stopped.StoppedAt?.ToUnixTimeMilliseconds(),
            ["error"] = stopped.Error,
            ["cause"] = stopped.Cause,
        };
        var statusChange = new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = ExecutionStatusChange.DetailType,
            ["source"] = ExecutionStatusChange.Source,
            ["time"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["resources"] = new JsonArray(stopped.Arn),
            ["detail"] = detail,
        };
        var name = $"abort-{stopped.Name}";
        name = (name.Length > 60 ? name[..60] : name) + "-" + Guid.NewGuid().ToString("N")[..8];
        return await stepFunctions.StartExecutionAsync(stopped.StateMachineArn, name, statusChange.ToJsonString(), cancellationToken);
    }

    private async Task<Execution> UntilEndedAsync(string arn, CancellationToken cancellationToken, TimeSpan? bound = null)
    {
        var deadline = time.GetUtcNow() + (bound ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var execution = await stepFunctions.DescribeExecutionAsync(arn, cancellationToken);
            if (execution.Status != ExecutionStatus.Running)
            {
                return execution;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Execution {arn} is still running; follow it in the Step Functions console.");
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    private static CleanupOutcome? Outcome(Execution ended)
    {
        try
        {
            return ended.Output is { } output ? JsonSerializer.Deserialize(output, FunctionJsonContext.Default.CleanupOutcome) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AbortResult Refused(string name, string message) => new(2, $"{name}: {message}");

    private static string Name(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Aborted => StoppedExecution.Aborted,
        ExecutionStatus.TimedOut => StoppedExecution.TimedOut,
        _ => status.ToString().ToUpperInvariant(),
    };
}
