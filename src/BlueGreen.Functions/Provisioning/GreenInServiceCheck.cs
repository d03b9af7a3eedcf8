using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// One check of the wait-for-green loop: done once the group has its desired count of instances,
/// every one InService and Healthy (for in-group: blue's desired count of new-version instances). Fails with GreenLaunchFailed when a scaling activity failed
/// or when the health timeout has passed since the loop's first check. Reads only.
/// </summary>
public sealed class GreenInServiceCheck(StrategyServices services)
{
    private const int ActivitiesRead = 20;

    public async Task<Progress> CheckAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var greenName = state.Green?.GroupName ?? throw new ArgumentException("CheckGreenInService needs $.green, ProvisionGreen's result.", nameof(state));
        var now = services.Time.GetUtcNow();
        // A finished progress is the previous loop's: this loop starts now.
        var since = state.Progress is { Done: false } previous ? previous.Since : now;

        var count = await StrategyCatalog.For(deployment).CountGreenInServiceAsync(state, services, cancellationToken);
        if (count.IsComplete)
        {
            log.Info("Green group {GreenGroup} is in service: {Summary}", greenName, count.Summary);
            return Progress.Finished(since, count.Summary);
        }

        var failed = (await services.Aws.AutoScaling.DescribeScalingActivitiesAsync(greenName, ActivitiesRead, cancellationToken))
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

    /// <summary>Every instance of the group counts, against its desired capacity (what the
    /// strategy's <see cref="IStrategy.CountGreenInServiceAsync"/> asks for a group of green's own).</summary>
    public static async Task<InServiceCount> CountGroupAsync(IAutoScaling autoScaling, string greenName, CancellationToken cancellationToken)
    {
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
