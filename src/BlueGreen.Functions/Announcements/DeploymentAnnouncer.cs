using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BlueGreen.Aws.Events;
using BlueGreen.Aws.Notifications;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Announcements;

/// <summary>
/// Tells the account what a deployment did: a <see cref="DeploymentStatusChange"/> on the default
/// EventBridge bus (for rules: chat, tickets, dashboards) and, when the application names a
/// <c>notificationTopicArn</c>, the same JSON on that SNS topic. An announcement is news, not a
/// step: a failure to publish is logged as a warning and never fails or rolls back the deployment.
/// </summary>
public sealed class DeploymentAnnouncer(IEventBus bus, INotifications notifications, TimeProvider time)
{
    // People read these (chat, e-mail): keep '+', quotes and angle brackets as they are, not \u-escaped.
    private static readonly JsonSerializerOptions Readable = new(CoreJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="details">Adds what this status tells (traffic, error, live group…) to the common fields.</param>
    public async Task AnnounceAsync(Deployment deployment, DeploymentEventStatus status, Func<DeploymentStatusChange, DeploymentStatusChange>? details, StepLog log, CancellationToken cancellationToken)
    {
        var change = new DeploymentStatusChange(deployment.DeploymentId, deployment.Application, deployment.ImageId, deployment.ExecutionArn, status, time.GetUtcNow())
        {
            Strategy = StrategyName(deployment.Strategy),
        };
        change = details?.Invoke(change) ?? change;
        var detail = JsonSerializer.Serialize(change, (JsonTypeInfo<DeploymentStatusChange>)Readable.GetTypeInfo(typeof(DeploymentStatusChange)));

        await TryAsync(log, status, "EventBridge", async () =>
        {
            var result = await bus.PutEventsAsync([new BusEvent(DeploymentStatusChange.Source, DeploymentStatusChange.DetailType, detail, [deployment.ExecutionArn], Time: change.Time)], cancellationToken);
            if (result.FailedEntryCount > 0)
            {
                var refused = result.Entries.FirstOrDefault(e => e.ErrorCode is not null);
                throw new InvalidOperationException($"the event was refused: {refused?.ErrorCode} {refused?.ErrorMessage}");
            }
        });

        if (deployment.Settings.NotificationTopicArn is { } topic)
        {
            await TryAsync(log, status, "SNS", () => notifications.PublishAsync(topic, Subject(change), detail, cancellationToken));
        }
    }

    private static async Task TryAsync(StepLog log, DeploymentEventStatus status, string where, Func<Task> publish)
    {
        try
        {
            await publish();
            log.Info("Announced {Status} on {Where}", status, where);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.Warn("Could not announce {Status} on {Where} ({Error}: {Reason}); the deployment goes on", status, where, error.GetType().Name, error.Message);
        }
    }

    private static string Subject(DeploymentStatusChange change) =>
        $"BlueGreen {change.Application}: {JsonSerializer.Serialize(change.Status, CoreJsonContext.Default.Options).Trim('"')} ({change.DeploymentId})";

    private static string StrategyName(DeploymentStrategy strategy) =>
        JsonSerializer.Serialize(strategy, CoreJsonContext.Default.Options).Trim('"');
}
