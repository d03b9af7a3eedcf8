using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Discovery;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State DescribeLive (ResultPath <c>$.live</c>): the fleet serving traffic now — the group
/// tagged live, or the settings' <c>liveGroup</c> adopted while none is. Fails with
/// LiveGroupNotFound saying what was searched and how to fix it; for weighted and dns also reads
/// which half of the pair is idle (<c>$.live.trafficPath</c>), refusing with InvalidRequest a pair
/// that does not have exactly one idle half. Reads only.</summary>
public sealed class DescribeLive(FunctionServices services)
    : JsonFunction<WorkflowState, LiveFleet>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.LiveFleet)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public DescribeLive()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<LiveFleet> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken) =>
        new LiveFleetReader(new StrategyServices(Services.Aws, Services.Time), StrategyCatalog.For(input.Deployment))
            .ReadAsync(input.Deployment, log, cancellationToken);
}
