using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Planning;

namespace BlueGreen.Functions.Handlers;

/// <summary>State PlanDeployment, the end of a dry run (default ResultPath <c>$</c>, so the plan is
/// the execution's output): what the deployment would do, in words and data, from what
/// NormalizeRequest and DescribeLive read. Makes no AWS call at all.</summary>
public sealed class PlanDeployment(FunctionServices services)
    : JsonFunction<WorkflowState, DeploymentPlan>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.DeploymentPlan)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public PlanDeployment()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<DeploymentPlan> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var live = input.Live ?? throw new ArgumentException("PlanDeployment needs $.live: run DescribeLive before it.", nameof(input));
        var plan = DeploymentPlanner.Plan(input.Deployment, live);
        log.Info("Dry run planned: green {GreenGroup} from {LiveGroup}, strategy {Strategy}", plan.GreenGroup, plan.LiveGroup, plan.Strategy);
        return Task.FromResult(plan);
    }
}
