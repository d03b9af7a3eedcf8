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
/// in the target groups; blue still attached), or InvalidRequest for a strategy not available yet.</summary>
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
        if (deployment.Strategy == DeploymentStrategy.InGroup)
        {
            return new InGroupTraffic(Services.Aws.LoadBalancing, Services.Aws.Ec2, new FleetHealthReader(Services.Aws.AutoScaling, Services.Aws.LoadBalancing), new AlarmWatch(Services.Aws.CloudWatch), Services.Time)
                .AdvanceAsync(deployment, input.Green ?? throw new InvalidOperationException("ShiftTraffic needs $.green, ProvisionGreen's result."), input.Traffic, log, cancellationToken);
        }

        if (deployment.Strategy != DeploymentStrategy.Swap)
        {
            throw new InvalidRequest(
                "$.strategy",
                $"the {StrategyName(deployment.Strategy)} strategy is not available yet; only swap is",
                "deploy with \"strategy\": \"swap\"");
        }

        var live = input.Live ?? throw new InvalidOperationException("ShiftTraffic needs $.live, DescribeLive's result.");
        var green = input.Green ?? throw new InvalidOperationException("ShiftTraffic needs $.green, ProvisionGreen's result.");
        var fleets = new FleetHealthReader(Services.Aws.AutoScaling, Services.Aws.LoadBalancing);
        return new SwapTraffic(Services.Aws.AutoScaling, fleets, new AlarmWatch(Services.Aws.CloudWatch), Services.Time)
            .AdvanceAsync(deployment, live, green, input.Traffic, log, cancellationToken);
    }

    private static string StrategyName(DeploymentStrategy strategy) => strategy switch
    {
        DeploymentStrategy.Weighted => "weighted",
        DeploymentStrategy.Dns => "dns",
        DeploymentStrategy.InGroup => "in-group",
        _ => "swap",
    };
}
