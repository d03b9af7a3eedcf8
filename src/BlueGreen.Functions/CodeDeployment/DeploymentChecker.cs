using System.Text.Json.Nodes;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.CodeDeployment;

/// <summary>
/// CheckCodeDeploy, one turn of the WaitForCodeDeploy loop: Succeeded → done; Failed or Stopped →
/// CodeDeployFailed with CodeDeploy's reason and the instance counts; still running once the
/// settings' timeout has passed → the deployment is stopped, then CodeDeployFailed "timed out".
/// </summary>
public sealed class DeploymentChecker(ICodeDeploy codeDeploy, TimeProvider time)
{
    public async Task<Progress> CheckAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var run = state.CodeDeploy ?? throw new InvalidOperationException("CheckCodeDeploy needs $.codeDeploy from DeployRevision.");
        var timeout = TimeSpan.FromSeconds(state.Deployment.Settings.CodeDeploy?.TimeoutSeconds ?? Core.Settings.CodeDeploySettings.DefaultTimeoutSeconds);
        // A finished progress is the previous loop's (WaitForGreenInService shares $.progress): this is a first check.
        var since = state.Progress is { Done: false } previous ? previous.Since : run.StartedAt;
        log.With("codeDeployId", run.DeploymentId);

        var deployment = await codeDeploy.GetDeploymentAsync(run.DeploymentId, cancellationToken);
        switch (deployment.Status)
        {
            case DeploymentStatus.Succeeded:
                log.Info("CodeDeploy deployment {CodeDeployId} succeeded on {Instances} instance(s)", run.DeploymentId, deployment.Overview.Succeeded);
                return Progress.Finished(since, $"CodeDeploy deployment {run.DeploymentId} succeeded ({Counts(deployment.Overview)})");
            case DeploymentStatus.Failed or DeploymentStatus.Stopped:
                throw await FailedAsync(deployment, $"{deployment.Status.ToString().ToLowerInvariant()}: {Reason(deployment)}", cancellationToken);
        }

        var elapsed = time.GetUtcNow() - since;
        if (elapsed < timeout)
        {
            log.Info("CodeDeploy deployment {CodeDeployId} is {Status} after {Seconds} s", run.DeploymentId, deployment.Status, (int)elapsed.TotalSeconds);
            return Progress.Waiting(since, $"CodeDeploy deployment {run.DeploymentId} is {deployment.Status} ({Counts(deployment.Overview)})");
        }

        try
        {
            await codeDeploy.StopDeploymentAsync(run.DeploymentId, cancellationToken: cancellationToken);
            log.Warn("Stopped CodeDeploy deployment {CodeDeployId}: still {Status} after {Seconds} s", run.DeploymentId, deployment.Status, (int)elapsed.TotalSeconds);
        }
        catch (AwsServiceException error) when (error.Code == "DeploymentAlreadyCompletedException")
        {
            // It finished between the two calls: judge what it became.
            deployment = await codeDeploy.GetDeploymentAsync(run.DeploymentId, cancellationToken);
            if (deployment.Status == DeploymentStatus.Succeeded)
            {
                return Progress.Finished(since, $"CodeDeploy deployment {run.DeploymentId} succeeded ({Counts(deployment.Overview)})");
            }
        }

        throw await FailedAsync(deployment, $"timed out: still {deployment.Status} after {(int)timeout.TotalSeconds} s (codeDeploy.timeoutSeconds), so it was stopped", cancellationToken);
    }

    private async Task<CodeDeployFailed> FailedAsync(CodeDeployDeployment deployment, string what, CancellationToken cancellationToken)
    {
        var instances = await codeDeploy.ListDeploymentInstancesAsync(deployment.Id, cancellationToken);
        var overview = deployment.Overview;
        var message = $"CodeDeploy deployment {deployment.Id} ({deployment.ApplicationName}/{deployment.DeploymentGroupName}) {what}; "
            + $"{instances.Count} instance(s): {Counts(overview)}";
        return new CodeDeployFailed(message, new JsonObject
        {
            ["codeDeployId"] = deployment.Id,
            ["application"] = deployment.ApplicationName,
            ["deploymentGroup"] = deployment.DeploymentGroupName,
            ["status"] = deployment.Status.ToString(),
            ["errorCode"] = deployment.ErrorCode,
            ["errorMessage"] = deployment.ErrorMessage,
            ["instanceIds"] = new JsonArray([.. instances.Select(i => (JsonNode)i)]),
            ["instances"] = new JsonObject
            {
                ["pending"] = overview.Pending,
                ["inProgress"] = overview.InProgress,
                ["succeeded"] = overview.Succeeded,
                ["failed"] = overview.Failed,
                ["skipped"] = overview.Skipped,
            },
        });
    }

    private static string Reason(CodeDeployDeployment deployment) =>
        deployment.ErrorCode is null && deployment.ErrorMessage is null
            ? "CodeDeploy gave no reason"
            : $"{deployment.ErrorCode}: {deployment.ErrorMessage}";

    private static string Counts(DeploymentOverview o) =>
        $"{o.Succeeded} succeeded, {o.Failed} failed, {o.InProgress} in progress, {o.Pending} pending, {o.Skipped} skipped";
}
