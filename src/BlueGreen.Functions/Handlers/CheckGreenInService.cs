using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State CheckGreenInService (the WaitForGreenInService loop's check, ResultPath
/// <c>$.progress</c>): reads <c>$.deployment</c>, <c>$.green</c> and the previous
/// <c>$.progress</c>; Done once every green instance is InService and Healthy. Fails with
/// GreenLaunchFailed on a failed scaling activity or after the health timeout. Reads only.</summary>
public sealed class CheckGreenInService(FunctionServices services)
    : JsonFunction<WorkflowState, Progress>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.Progress)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public CheckGreenInService()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<Progress> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken) =>
        new GreenInServiceCheck(new StrategyServices(Services.Aws, Services.Time)).CheckAsync(input, log, cancellationToken);
}
