using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Metrics;

/// <summary>
/// The metrics of a deployment's ending, written as one embedded metric format record by the
/// handler that reaches it, next to its announcement: ReleaseLock (Promoted), RollBack
/// (RolledBack), DescribeRollbackFailure (RollbackFailed), AcquireLock (Ignored). Namespace
/// <see cref="Namespace"/>; names, units and dimensions are documented in docs/how-it-works.md,
/// "Logs and metrics". Writing is a log write: it calls no AWS API and cannot fail a step.
/// </summary>
public sealed class DeploymentMetrics(TextWriter output, TimeProvider time)
{
    public const string Namespace = "BlueGreen";

    /// <summary>1 per ending; dimensions Application, Outcome.</summary>
    public const string Deployments = "Deployments";

    /// <summary>Seconds from the execution's start to the ending; dimensions Application, Outcome.</summary>
    public const string DeploymentDuration = "DeploymentDuration";

    /// <summary>1 per rollback, whether it completed (RolledBack) or not (RollbackFailed); dimension Application.</summary>
    public const string Rollbacks = "Rollbacks";

    /// <summary>Seconds from the failing check to the write that gave blue its traffic back; dimension Application.</summary>
    public const string TrafficRestoreTime = "TrafficRestoreTime";

    /// <param name="outcome">The ending, named as the announcement's status.</param>
    /// <param name="trafficRestoredAfter">For a rollback that moved traffic back to blue: how long after the failing check.</param>
    public void Ended(Deployment deployment, DeploymentEventStatus outcome, string step, TimeSpan? trafficRestoredAfter = null)
    {
        var now = time.GetUtcNow();
        var record = new MetricRecord(Namespace, now)
            .Dimension("Application", deployment.Application)
            .Dimension("Outcome", outcome.ToString())
            .Metric(Deployments, 1, "Count", "Application", "Outcome")
            .Metric(DeploymentDuration, Seconds(now - deployment.StartedAt), "Seconds", "Application", "Outcome");
        if (outcome is DeploymentEventStatus.RolledBack or DeploymentEventStatus.RollbackFailed)
        {
            record.Metric(Rollbacks, 1, "Count", "Application");
        }

        if (trafficRestoredAfter is { } restored)
        {
            record.Metric(TrafficRestoreTime, Seconds(restored), "Seconds", "Application");
        }

        record.Property("deploymentId", deployment.DeploymentId)
            .Property("step", step)
            .Property("message", $"Deployment {deployment.DeploymentId} of {deployment.Application} ended {outcome}")
            .WriteTo(output);
    }

    // A clock step backwards is not a negative duration.
    private static double Seconds(TimeSpan span) => Math.Round(Math.Max(0, span.TotalSeconds), 3);
}
