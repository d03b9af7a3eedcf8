using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Traffic;

namespace BlueGreen.Functions.Handlers;

/// <summary>State ShiftTraffic (a loop, <c>ResultPath: "$.traffic"</c>): advances the traffic
/// shift one phase per call until Done. Fails with AlarmFired, GreenUnhealthy (green never healthy
/// in the target groups; blue still attached), or InvalidRequest for a weighted/dns traffic path that
/// is not the settings' two target groups or records.</summary>
public sealed class ShiftTraffic(FunctionServices services)
    : JsonFunction<WorkflowState, TrafficShift>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.TrafficShift)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public ShiftTraffic()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<TrafficShift> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = input.Deployment;
        log.With("deploymentId", deployment.DeploymentId).With("application", deployment.Application);
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
