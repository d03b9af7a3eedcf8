using BlueGreen.Functions.Approval;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State AwaitApproval (<c>lambda:invoke.waitForTaskToken</c>, only when
/// <c>approval.required</c>): stores the task token with the lock and publishes the request; the
/// state then waits for <c>bluegreen approve</c> / <c>reject</c> or the approval timeout. Writes
/// only the lock item (and one SNS message).</summary>
public sealed class AwaitApproval(FunctionServices services)
    : JsonFunction<ApprovalRequestInput, ApprovalRequested>(services, FunctionJsonContext.Default.ApprovalRequestInput, FunctionJsonContext.Default.ApprovalRequested)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public AwaitApproval()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<ApprovalRequested> RunAsync(ApprovalRequestInput input, StepLog log, CancellationToken cancellationToken)
    {
        return new ApprovalRequest(new ApprovalTokens(Services.Aws.DynamoDb, Services.Settings.RequireLockTable()), Services.Aws.Notifications, Services.Time, Services.Settings.StackName)
            .RequestAsync(input.Workflow, input.TaskToken, log, cancellationToken);
    }
}
