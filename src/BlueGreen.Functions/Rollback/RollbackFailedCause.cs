using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// The cause of a RollbackFailed ending (RollBack's retries exhausted): what failed, and every
/// rollback step as a thing to check or do by hand, in the order RollBack does them. The lock is
/// kept on purpose, so the last step is releasing it once the rest is done.
/// </summary>
public static class RollbackFailedCause
{
    /// <param name="state">The state RollBack received (with the original <c>$.failure</c>).</param>
    /// <param name="rollbackFailure">What RollBack's Catch recorded.</param>
    /// <param name="lockTable">The lock table's name, when known, to name it in the last step.</param>
    /// <returns>JSON text of a <see cref="FailureCause"/>: rolledBack false, the steps in message and details.</returns>
    public static string Build(WorkflowState state, StepFailure? rollbackFailure, string? lockTable = null)
    {
        var deployment = state.Deployment;
        var original = OriginalFailure.From(state.Failure);
        var why = OriginalFailure.From(rollbackFailure);
        var steps = ManualSteps(state, original.Error, lockTable);
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

    private static List<string> ManualSteps(WorkflowState state, string originalError, string? lockTable)
    {
        var deployment = state.Deployment;
        var settings = deployment.Settings;
        var green = deployment.Names.GreenGroup;
        var steps = new List<string>();
        if (state.Live is { } live)
        {
            var targetGroups = settings.TargetGroupArns.Union(live.TargetGroupArns, StringComparer.Ordinal).ToList();
            steps.Add(settings.Strategy is DeploymentStrategy.Swap
                ? $"Make sure Auto Scaling group {live.GroupName} is attached to {string.Join(", ", targetGroups)} with healthy targets, then detach {green} from them."
                : WeightRestoreStep.Describe(settings, live) ?? $"Send all traffic back to {live.GroupName} (strategy {settings.Strategy.ToString().ToLowerInvariant()}).");
            steps.Add($"Make sure {live.GroupName} carries tag {settings.ColorTag.Key}={settings.ColorTag.Blue} and no other group of {deployment.Application} does.");
        }

        if (settings.CodeDeploy is { } codeDeploy)
        {
            var which = state.CodeDeploy?.DeploymentId is { } id ? $"deployment {id}" : $"any deployment described \"BlueGreen deployment {deployment.DeploymentId}\"";
            steps.Add($"Stop CodeDeploy {which} in {codeDeploy.Application}/{codeDeploy.DeploymentGroup} if it is still running.");
        }

        steps.Add($"Delete Auto Scaling group {green} if it exists (force delete), and launch template {deployment.Names.LaunchTemplate} if it exists.");
        if (originalError != nameof(Core.Errors.DeploymentLocked))
        {
            steps.Add($"Then delete the lock item application={deployment.Application} in DynamoDB table {lockTable ?? "the BlueGreen lock table"} if its holder is {deployment.ExecutionArn}.");
        }

        return steps;
    }
}
