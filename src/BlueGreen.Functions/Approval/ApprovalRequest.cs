using BlueGreen.Aws.Notifications;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Approval;

/// <summary>
/// AwaitApproval's Lambda: stores the task token with the deployment's lock (only while this
/// execution holds it), then asks for an answer on the notification topic when one is set. It
/// returns at once; the state machine waits for the answer or the approval timeout. Safe to run
/// again: a retry stores its new token over the old one and asks again.
/// </summary>
/// <param name="stackName">The stack's name, for the printed commands' <c>--stack</c>; null or "bluegreen" (the CLI's default) leaves it out.</param>
public sealed class ApprovalRequest(ApprovalTokens tokens, INotifications notifications, TimeProvider time, string? stackName = null)
{
    public async Task<ApprovalRequested> RequestAsync(WorkflowState state, string taskToken, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var now = time.GetUtcNow();
        if (!await tokens.StoreAsync(deployment.Application, deployment.ExecutionArn, taskToken, now, cancellationToken))
        {
            throw new InvalidOperationException(
                $"This execution no longer holds the deployment lock of {deployment.Application}, so it cannot wait for approval.");
        }

        log.Info("Waiting for approval of {Application} for up to {TimeoutSeconds} s", deployment.Application, deployment.Settings.Approval.TimeoutSeconds);
        string? messageId = null;
        if (deployment.Settings.NotificationTopicArn is { } topic)
        {
            var message = ApprovalMessage.For(state, now, stackName);
            messageId = await notifications.PublishAsync(topic, message.Subject, message.Body, cancellationToken);
            log.Info("Approval request published to {Topic} as message {MessageId}", topic, messageId);
        }

        return new ApprovalRequested(deployment.ExecutionArn, now, messageId);
    }
}
