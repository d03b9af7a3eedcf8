using BlueGreen.Functions.CodeDeployment;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State DeployRevision (only when the settings have codeDeploy): deploys the revision to
/// the green fleet; ResultPath <c>$.codeDeploy</c>. Fails with CodeDeployFailed when the deployment
/// group could reach beyond green or is busy.</summary>
public sealed class DeployRevision(FunctionServices services)
    : JsonFunction<WorkflowState, CodeDeployRun>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.CodeDeployRun)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public DeployRevision()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<CodeDeployRun> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken) =>
        new RevisionDeployer(Services.Aws.CodeDeploy, Services.Time)
            .DeployAsync(input, log, cancellationToken);
}
