using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// The cause of a RollbackFailed ending (RollBack's retries exhausted): what failed, and every
/// rollback step as a thing to check or do by hand, in the order RollBack does them, worded from
/// what was observed: when only green has instances, green is what serves and the steps say to keep
/// it — never to remove it. The lock is kept on purpose, so the last step is releasing it once the
/// rest is done.
/// </summary>
public static class RollbackFailedCause
{
    /// <param name="state">The state RollBack received (with the original <c>$.failure</c>).</param>
    /// <param name="rollbackFailure">What RollBack's Catch recorded.</param>
    /// <param name="observed">Blue's and green's instances as read when the rollback gave up.</param>
    /// <param name="lockTable">The lock table's name, when known, to name it in the last step.</param>
    /// <returns>JSON text of a <see cref="FailureCause"/>: rolledBack false, the steps in message and details.</returns>
    public static string Build(WorkflowState state, StepFailure? rollbackFailure, ObservedFleets observed, string? lockTable = null)
    {
        var deployment = state.Deployment;
        var original = OriginalFailure.From(state.Failure);
        var why = OriginalFailure.From(rollbackFailure);
        var steps = observed.OnlyGreenServes ? GreenServesSteps(state, original.Error, lockTable) : ManualSteps(state, original.Error, observed, lockTable);
        var message = $"Deployment {deployment.DeploymentId} of {deployment.Application} failed with {original.Error} ({original.Message}), "
            + $"then its rollback failed with {why.Error} ({why.Message}). Left to do by hand: "
            + string.Join(" ", steps.Select((s, i) => $"{i + 1}) {s}"));
        var details = new JsonObject
        {
            ["originalError"] = original.Error,
            ["originalMessage"] = original.Message,
            ["rollbackError"] = why.Error,
            ["rollbackMessage"] = why.Message,
            ["manualSteps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]),
        };
        var cause = new FailureCause(message, false, state.Live?.GroupName ?? deployment.Settings.LiveGroup, details);
        return JsonSerializer.Serialize(cause, CoreJsonContext.Default.FailureCause);
    }

    /// <summary>Blue has no instances left and green has: taking traffic back is no longer possible,
    /// so what remains is making green the live fleet by tags and freeing the lock.</summary>
    private static List<string> GreenServesSteps(WorkflowState state, string originalError, string? lockTable)
    {
        var deployment = state.Deployment;
        var color = deployment.Settings.ColorTag;
        var green = GreenGroupName(state);
        var steps = new List<string>
        {
            $"Keep Auto Scaling group {green}: it is the only fleet of {deployment.Application} with instances, so it is what serves traffic now. Do not delete it.",
            $"Check that {green} is on the traffic path with healthy targets, and tag it {color.Key}={color.Blue} and {Core.Naming.TagKeys.Application}={deployment.Application} so the next deployment finds it as the live fleet.",
        };
        AddLockStep(steps, state, originalError, lockTable);
        return steps;
    }

    private static List<string> ManualSteps(WorkflowState state, string originalError, ObservedFleets observed, string? lockTable)
    {
        var deployment = state.Deployment;
        var settings = deployment.Settings;
        var strategy = StrategyCatalog.For(deployment);
        var green = GreenGroupName(state);
        var steps = new List<string>();
        if (state.Live is { } live)
        {
            steps.Add(strategy.RestoreTrafficStep(state, live, green));
            steps.Add($"Make sure {live.GroupName} carries tag {settings.ColorTag.Key}={settings.ColorTag.Blue} and no other group of {deployment.Application} does.");
        }

        if (settings.CodeDeploy is { } codeDeploy)
        {
            var which = state.CodeDeploy?.DeploymentId is { } id ? $"deployment {id}" : $"any deployment described \"BlueGreen deployment {deployment.DeploymentId}\"";
            steps.Add($"Stop CodeDeploy {which} in {codeDeploy.Application}/{codeDeploy.DeploymentGroup} if it is still running.");
        }

        var blueFirst = observed.BlueInService is null ? $"Once {state.Live?.GroupName ?? "blue"} has InService instances and serves again (if it has none, keep {green}: it is then what serves): " : "Once blue serves again: ";
        steps.Add(blueFirst + strategy.RemoveGreenStep(state, green));
        AddLockStep(steps, state, originalError, lockTable);
        return steps;
    }

    private static void AddLockStep(List<string> steps, WorkflowState state, string originalError, string? lockTable)
    {
        var deployment = state.Deployment;
        if (originalError != nameof(Core.Errors.DeploymentLocked))
        {
            steps.Add($"Then delete the lock item application={deployment.Application} in DynamoDB table {lockTable ?? "the BlueGreen lock table"} if its holder is {deployment.ExecutionArn}.");
        }
    }

    /// <summary>Green's group: a new one, blue's own (in-group) or the pair's idle one.</summary>
    public static string GreenGroupName(WorkflowState state) =>
        state.Green?.GroupName ?? StrategyCatalog.For(state.Deployment).RollbackGreenName(state.Deployment, state.Live?.GroupName);
}
