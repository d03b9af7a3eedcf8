using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State PromoteGreen (<c>ResultPath: "$.promoted"</c>): green becomes the fleet tagged
/// live; the old blue is untagged and marked retired by this deployment. Safe to run twice.</summary>
public sealed class PromoteGreen(FunctionServices services)
    : JsonFunction<WorkflowState, Promoted>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.Promoted)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public PromoteGreen()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<Promoted> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        return StrategyCatalog.For(input.Deployment).PromoteAsync(input, new StrategyServices(Services.Aws, Services.Time), log, cancellationToken);
    }
}
