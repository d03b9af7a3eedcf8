using BlueGreen.Functions.CodeDeployment;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State CheckCodeDeploy (the check of the WaitForCodeDeploy loop): ResultPath
/// <c>$.progress</c>; Done once CodeDeploy succeeded. Fails with CodeDeployFailed when it failed,
/// was stopped, or ran past codeDeploy.timeoutSeconds (then it is stopped first).</summary>
public sealed class CheckCodeDeploy(FunctionServices services)
    : JsonFunction<WorkflowState, Progress>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.Progress)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public CheckCodeDeploy()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<Progress> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken) =>
        new DeploymentChecker(Services.Aws.CodeDeploy, Services.Time)
            .CheckAsync(input, log, cancellationToken);
}
