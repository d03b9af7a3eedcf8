using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State WatchBeforeRetiringBlue (a wait loop, <c>ResultPath: "$.watch"</c>): after full
/// cutover, checks the watched alarms and says how long to wait before the next check, until
/// <c>blueAfterCutover.waitSeconds</c> have passed since promotion. Fails with AlarmFired, which
/// rolls traffic back to blue. Writes nothing.</summary>
public sealed class WatchBeforeRetiringBlue(FunctionServices services)
    : JsonFunction<WorkflowState, BlueWatch>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.BlueWatch)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public WatchBeforeRetiringBlue()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<BlueWatch> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var promoted = input.Promoted ?? throw new InvalidOperationException("WatchBeforeRetiringBlue needs $.promoted, PromoteGreen's result.");
        return new BlueWindowWatch(new AlarmWatch(Services.Aws.CloudWatch), Services.Time)
            .CheckAsync(input.Deployment, promoted, log, cancellationToken);
    }
}
