using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Promotion;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Handlers;

/// <summary>State RetireBlue (after WaitBeforeRetiringBlue, <c>ResultPath: "$.retired"</c>): the
/// old blue group is deleted, scaled to zero or kept, as <c>blueAfterCutover.action</c> says (a
/// pair's is always scaled to zero); for in-group, the group's old-version instances are terminated.
/// Then launch templates of earlier deployments that no group launches from any more are deleted.
/// Safe to run twice.</summary>
public sealed class RetireBlue(FunctionServices services)
    : JsonFunction<WorkflowState, BlueRetirement>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.BlueRetirement)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public RetireBlue()
        : this(FunctionServices.Container)
    {
    }

    protected override async Task<BlueRetirement> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        _ = input.Live ?? throw new InvalidOperationException("RetireBlue needs $.live, DescribeLive's result.");
        var retirement = await StrategyCatalog.For(input.Deployment).RetireAsync(input, new StrategyServices(Services.Aws, Services.Time), log, cancellationToken);
        var deleted = await new UnusedLaunchTemplates(Services.Aws.AutoScaling, Services.Aws.Ec2).DeleteAsync(input.Deployment, log, cancellationToken);
        return deleted.Count == 0 ? retirement : retirement with { Outcome = $"{retirement.Outcome}; deleted unused launch template(s) {string.Join(", ", deleted)}" };
    }
}
