using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State CheckGreenHealth (a wait loop, <c>ResultPath: "$.progress"</c>): one check of
/// green's health per call; Done once healthy. Fails with AlarmFired or, after
/// <c>health.timeoutSeconds</c>, GreenUnhealthy. Writes nothing.</summary>
public sealed class CheckGreenHealth(FunctionServices services)
    : JsonFunction<WorkflowState, Progress>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.Progress)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public CheckGreenHealth()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<Progress> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var green = input.Green ?? throw new InvalidOperationException("CheckGreenHealth needs $.green, ProvisionGreen's result.");
        return new GreenHealthCheck(
                new FleetHealthReader(Services.Aws.AutoScaling, Services.Aws.LoadBalancing),
                new AlarmWatch(Services.Aws.CloudWatch),
                new StrategyServices(Services.Aws, Services.Time))
            .CheckAsync(input.Deployment, green, input.Progress, log, cancellationToken);
    }
}
