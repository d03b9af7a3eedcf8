using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State ShiftTraffic (a loop, <c>ResultPath: "$.traffic"</c>): advances the traffic
/// shift one phase per call until Done. Fails with AlarmFired, GreenUnhealthy (green never healthy
/// in the target groups; blue still attached), or InvalidRequest for a weighted/dns traffic path that
/// is not the settings' two target groups or records. Announces TRAFFIC_SHIFTED when a call moves traffic.</summary>
public sealed class ShiftTraffic(FunctionServices services)
    : JsonFunction<WorkflowState, TrafficShift>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.TrafficShift)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public ShiftTraffic()
        : this(FunctionServices.Container)
    {
    }

    protected override async Task<TrafficShift> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var shift = await AdvanceAsync(input, log, cancellationToken);
        if (TrafficMoved(input.Deployment, input.Traffic, shift) is { } split)
        {
            await Services.Announcer.AnnounceAsync(input.Deployment, DeploymentEventStatus.TrafficShifted, c => c with { Traffic = split }, log, cancellationToken);
        }

        return shift;
    }

    /// <summary>The split to announce when this call moved traffic: a new step of the weighted or dns
    /// plan, or green serving alone once blue is out (swap, in-group); null when it only waited. <c>bluegreen
    /// watch</c> reads the same split from the state's history.</summary>
    public static TrafficSplit? TrafficMoved(Deployment deployment, TrafficShift? before, TrafficShift after) =>
        StrategyCatalog.For(deployment).TrafficMoved(deployment, before, after);

    private Task<TrafficShift> AdvanceAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = input.Deployment;
        return StrategyCatalog.For(deployment).AdvanceAsync(input, new StrategyServices(Services.Aws, Services.Time), log, cancellationToken);
    }
}
