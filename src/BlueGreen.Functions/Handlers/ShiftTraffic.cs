using BlueGreen.Core.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Traffic;

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
    public static TrafficSplit? TrafficMoved(Deployment deployment, TrafficShift? before, TrafficShift after)
    {
        if (deployment.Strategy is DeploymentStrategy.Weighted or DeploymentStrategy.Dns)
        {
            if (after.StepIndex is not { } index || index == before?.StepIndex)
            {
                return null;
            }

            var plan = TrafficPlan.For(deployment.Settings);
            var step = plan.Steps[index];
            return new TrafficSplit(step.GreenWeight, step.BlueWeight, index + 1, plan.Steps.Count);
        }

        return after.BlueDetached && before?.BlueDetached != true ? new TrafficSplit(100, 0) : null;
    }

    private Task<TrafficShift> AdvanceAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = input.Deployment;
        var live = input.Live ?? throw new InvalidOperationException("ShiftTraffic needs $.live, DescribeLive's result.");
        var green = input.Green ?? throw new InvalidOperationException("ShiftTraffic needs $.green, ProvisionGreen's result.");
        var fleets = new FleetHealthReader(Services.Aws.AutoScaling, Services.Aws.LoadBalancing);
        var alarms = new AlarmWatch(Services.Aws.CloudWatch);
        return deployment.Strategy switch
        {
            DeploymentStrategy.InGroup => new InGroupTraffic(Services.Aws.LoadBalancing, Services.Aws.Ec2, fleets, alarms, Services.Time)
                .AdvanceAsync(deployment, green, input.Traffic, log, cancellationToken),
            DeploymentStrategy.Weighted or DeploymentStrategy.Dns => new SplitTraffic(SplitPathOf(deployment), new IdleGroupTakeover(Services.Aws.AutoScaling), fleets, alarms, Services.Time)
                .AdvanceAsync(deployment, live, green, input.Traffic, log, cancellationToken),
            _ => new SwapTraffic(Services.Aws.AutoScaling, fleets, alarms, Services.Time)
                .AdvanceAsync(deployment, live, green, input.Traffic, log, cancellationToken),
        };
    }

    private ISplitPath SplitPathOf(Deployment deployment)
    {
        var name = deployment.Strategy == DeploymentStrategy.Dns ? "dns" : "weighted";
        return SplitPaths.For(deployment, Services.Aws)
            ?? throw new InvalidRequest($"$.{name}", $"is required by the {name} strategy", $"add the \"{name}\" section to the application's settings");
    }
}
