using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// One check of the wait-for-green loop: done once the group has its desired count of instances,
/// every one InService and Healthy (for in-group: blue's desired count of new-version instances). Fails with GreenLaunchFailed when a scaling activity failed
/// or when the health timeout has passed since the loop's first check. Reads only.
/// </summary>
public sealed class GreenInServiceCheck(IAutoScaling autoScaling, IEc2 ec2, TimeProvider time)
{
    private const int ActivitiesRead = 20;

    public async Task<Progress> CheckAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var greenName = state.Green?.GroupName ?? throw new ArgumentException("CheckGreenInService needs $.green, ProvisionGreen's result.", nameof(state));
        log.With("deploymentId", deployment.DeploymentId).With("application", deployment.Application);
        var now = time.GetUtcNow();
        // A finished progress is the previous loop's: this loop starts now.
        var since = state.Progress is { Done: false } previous ? previous.Since : now;

        var count = await CountAsync(state, greenName, cancellationToken);
        if (count.IsComplete)
        {
            log.Info("Green group {GreenGroup} is in service: {Summary}", greenName, count.Summary);
            return Progress.Finished(since, count.Summary);
        }

        var failed = (await autoScaling.DescribeScalingActivitiesAsync(greenName, ActivitiesRead, cancellationToken))
            .FirstOrDefault(a => string.Equals(a.StatusCode, "Failed", StringComparison.OrdinalIgnoreCase));
        if (failed is not null)
        {
            throw new GreenLaunchFailed(
                $"Green group {greenName} failed to launch instances: {failed.StatusMessage ?? failed.Description} ({count.Summary}).",
                Details(count, failed));
        }

        var timeout = deployment.Settings.Health.TimeoutSeconds;
        if (now >= since.AddSeconds(timeout))
        {
            throw new GreenLaunchFailed($"Green group {greenName} was not in service within {timeout} seconds: {count.Summary}.", Details(count, null));
        }

        log.Info("Waiting for green group {GreenGroup}: {Summary}", greenName, count.Summary);
        return Progress.Waiting(since, count.Summary);
    }

    /// <summary>For in-group, only the new-version instances count, against the capacity blue had.</summary>
    private async Task<InServiceCount> CountAsync(WorkflowState state, string greenName, CancellationToken cancellationToken)
    {
        if (state.Green is { Kind: GreenKind.InGroup, Before: { } before })
        {
            var fleet = await InGroupFleet.ReadAsync(autoScaling, ec2, greenName, state.Deployment.ImageId, before.InstanceIds, cancellationToken)
                ?? throw new GreenLaunchFailed($"Group {greenName} no longer exists.");
            return InServiceCount.Of(fleet.New, before.DesiredCapacity);
        }

        var green = (await autoScaling.DescribeAutoScalingGroupsAsync([greenName], cancellationToken)).SingleOrDefault()
            ?? throw new GreenLaunchFailed($"Green group {greenName} no longer exists.");
        return InServiceCount.Of(green);
    }

    private static JsonObject Details(InServiceCount count, ScalingActivity? failed)
    {
        var details = new JsonObject
        {
            ["inService"] = count.Ready,
            ["desired"] = count.Desired,
            ["instances"] = new JsonArray(count.NotReady.Select(i => (JsonNode)new JsonObject
            {
                ["instanceId"] = i.InstanceId,
                ["lifecycleState"] = i.LifecycleState,
                ["healthStatus"] = i.HealthStatus,
            }).ToArray()),
        };
        if (failed is not null)
        {
            details["activity"] = new JsonObject { ["description"] = failed.Description, ["cause"] = failed.Cause, ["statusMessage"] = failed.StatusMessage };
        }

        return details;
    }
}
