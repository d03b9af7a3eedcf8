using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Recovery;

/// <summary>
/// RecoverStoppedDeployment: makes a stopped or timed-out deployment ready for RollBack. Checks the
/// execution really ended ABORTED/TIMED_OUT, rebuilds its state document from its history, claims
/// the cleanup on its lock (<see cref="CleanupClaims"/>) and sets <c>$.failure</c> to
/// <c>DeploymentStopped</c>. Ends the cleanup without a rollback when there is nothing of it to undo
/// (it held no lock), when another cleanup owns it, or when it had already entered RetireBlue (past
/// the point of no return: only the lock is freed). Writes nothing but the claim and, past the point
/// of no return, the lock's release.
/// </summary>
public sealed class StoppedDeploymentRecovery(IStepFunctions stepFunctions, CleanupClaims claims)
{
    /// <summary>The error RollBack and the cleanup's output carry.</summary>
    public const string DeploymentStopped = nameof(DeploymentStopped);

    /// <summary>States entered only once blue was being retired (traffic all on green, green promoted;
    /// decision 20): a failure there ends as a promotion, and so does a stop.</summary>
    public static readonly IReadOnlySet<string> PastPointOfNoReturn = new HashSet<string>(StringComparer.Ordinal) { "RetireBlue", "ReleaseLock", "ReportPromotedWithWarning" };

    public async Task<JsonObject> RecoverAsync(RecoverStoppedDeploymentInput input, StepLog log, CancellationToken cancellationToken)
    {
        var arn = input.StoppedExecution.ExecutionArn;
        var execution = await HolderStatus.DescribeAsync(stepFunctions, arn, cancellationToken);
        if (execution is null)
        {
            return Finished(input.StoppedExecution, CleanupOutcome.NothingToCleanUp, $"Execution {arn} does not exist in this account and region: there is nothing to clean up.");
        }

        // The execution's own word, not the event's: a replayed or forged event must not roll back a running deployment.
        var stopped = input.StoppedExecution with { Status = StatusName(execution.Status), Error = execution.Error ?? input.StoppedExecution.Error, Cause = execution.Cause ?? input.StoppedExecution.Cause };
        if (execution.Status == ExecutionStatus.Running)
        {
            return Finished(stopped, CleanupOutcome.NotStopped, $"Execution {arn} is still running; only a stopped or timed-out deployment is cleaned up. To stop it and roll it back: bluegreen abort {arn}");
        }

        if (!HolderStatus.AwaitsCleanup(execution))
        {
            return Finished(stopped, CleanupOutcome.NotStopped, $"Execution {arn} ended {stopped.Status} through its own workflow, which rolled back or promoted it: nothing to clean up.");
        }

        var state = await StoppedState.ReadAsync(stepFunctions, arn, cancellationToken);
        var application = state.Text("deployment", "application");
        if (application is null)
        {
            return Finished(stopped, CleanupOutcome.NothingToCleanUp, $"Execution {arn} {stopped.Ending} in {state.StateName ?? "its first state"}, before it was a deployment of any application: it wrote nothing, so nothing was cleaned up.");
        }

        log.With("application", application).With("deploymentId", state.Text("deployment", "deploymentId"));
        switch (await claims.ClaimAsync(application, arn, input.CleanupExecutionArn, log, cancellationToken))
        {
            case CleanupClaim.NotHeld notHeld:
                return Finished(stopped, CleanupOutcome.NothingToCleanUp,
                    $"Execution {arn} {stopped.Ending} in {state.StateName} without holding the deployment lock of {application} ({(notHeld.Holder is null ? "it is free" : $"it is held by {notHeld.Holder}")}): it made nothing or its own rollback had finished. Nothing was written.",
                    state.Text("live", "groupName"));
            case CleanupClaim.ClaimedByOther other:
                return Finished(stopped, CleanupOutcome.AlreadyBeingCleanedUp,
                    $"Cleanup {other.Cleanup} is already cleaning up execution {arn}; this one wrote nothing. Follow that execution.",
                    state.Text("live", "groupName"), other.Cleanup);
        }

        if (state.StateName is { } last && PastPointOfNoReturn.Contains(last))
        {
            return await ReleaseOnlyAsync(stopped, state, application, input.CleanupExecutionArn, log, cancellationToken);
        }

        log.Info("Execution {Stopped} {Ending} in {State}: rolling it back", arn, stopped.Ending, state.StateName);
        var document = state.Document!;
        document["failure"] = new JsonObject { ["Error"] = DeploymentStopped, ["Cause"] = Cause(stopped, state, input.CleanupExecutionArn) };
        document["recovery"] = JsonSerializer.SerializeToNode(new Contracts.Recovery(Contracts.Recovery.RollBack, arn, stopped.Status), FunctionJsonContext.Default.Recovery);
        return document;
    }

    private async Task<JsonObject> ReleaseOnlyAsync(StoppedExecution stopped, StoppedState state, string application, string cleanup, StepLog log, CancellationToken cancellationToken)
    {
        var released = await claims.ReleaseAsync(application, stopped.ExecutionArn, cleanup, cancellationToken);
        var green = state.Text("green", "groupName") ?? "green";
        var blue = state.Text("live", "groupName") ?? "blue";
        var action = state.Text("deployment", "settings", "blueAfterCutover", "action") ?? "terminate";
        log.Warn("Execution {Stopped} {Ending} in {State}, past the point of no return: lock released, nothing rolled back", stopped.ExecutionArn, stopped.Ending, state.StateName);
        return Finished(stopped, CleanupOutcome.LockReleased,
            $"Execution {stopped.ExecutionArn} {stopped.Ending} in {state.StateName}, past the point of no return: traffic is all on green group {green}, which was promoted and stays live; nothing was rolled back. "
            + $"Blue's retirement may be incomplete: check blue group {blue} (blueAfterCutover.action is {action}: it should be {Retired(action)}) and finish that by hand. "
            + (released ? $"The deployment lock of {application} is released." : $"The deployment lock of {application} was no longer held by it."),
            green);
    }

    private static string Retired(string action) => action switch
    {
        "scaleToZero" => "scaled to 0 instances",
        "keep" => "kept, with its instances",
        _ => "deleted with its instances",
    };

    private static string Cause(StoppedExecution stopped, StoppedState state, string cleanup)
    {
        var when = stopped.StoppedAt is { } at ? " at " + at.ToString("u", CultureInfo.InvariantCulture) : "";
        var why = (stopped.Error, stopped.Cause) switch
        {
            (null, null) => "",
            (var error, null) => $" ({error})",
            (null, var cause) => $" ({cause})",
            var (error, cause) => $" ({error}: {cause})",
        };
        var wasRollingBack = state.Text("failure", "Error") is { } original ? $" It was already rolling back after {original}." : "";
        var message = $"Deployment {state.Text("deployment", "deploymentId")} of {state.Text("deployment", "application")} {stopped.Ending}{when} in state {state.StateName}{why}.{wasRollingBack} Cleanup {cleanup} rolls it back.";
        return new JsonObject
        {
            ["errorType"] = DeploymentStopped,
            ["errorMessage"] = message,
            ["details"] = new JsonObject
            {
                ["stoppedExecution"] = stopped.ExecutionArn,
                ["status"] = stopped.Status,
                ["stoppedIn"] = state.StateName,
                ["error"] = stopped.Error,
                ["cause"] = stopped.Cause,
                ["cleanup"] = cleanup,
            },
        }.ToJsonString();
    }

    private static JsonObject Finished(StoppedExecution stopped, string outcome, string message, string? liveGroup = null, string? cleanupBy = null)
    {
        var recovery = new Contracts.Recovery(
            Contracts.Recovery.Finished,
            stopped.ExecutionArn,
            stopped.Status,
            new CleanupOutcome(outcome, stopped.ExecutionArn, stopped.Status, RolledBack: false, liveGroup, message, cleanupBy));
        return new JsonObject { ["recovery"] = JsonSerializer.SerializeToNode(recovery, FunctionJsonContext.Default.Recovery) };
    }

    private static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Aborted => StoppedExecution.Aborted,
        ExecutionStatus.TimedOut => StoppedExecution.TimedOut,
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        _ => "PENDING_REDRIVE",
    };
}
