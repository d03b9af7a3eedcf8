using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State ProvisionGreen (ResultPath <c>$.green</c>): reads <c>$.deployment</c> and
/// <c>$.live</c>, makes green's launch template version and the green group beside blue — or, for
/// <c>in-group</c>, expands blue's own group on the new version; with <c>pair</c>, scales up the idle group.
/// Fails with GreenLaunchFailed (or LiveGroupNotFound when blue vanished). Safe to retry.</summary>
public sealed class ProvisionGreen(FunctionServices services)
    : JsonFunction<WorkflowState, GreenFleet>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.GreenFleet)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public ProvisionGreen()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<GreenFleet> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken) =>
        StrategyCatalog.For(input.Deployment).ProvisionAsync(input, new StrategyServices(Services.Aws, Services.Time), log, cancellationToken);
}
