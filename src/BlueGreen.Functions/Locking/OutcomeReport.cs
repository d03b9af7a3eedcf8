using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Locking;

/// <summary>The output of a successful execution (DESIGN §4): what is live now, what was retired,
/// and how long each state took.</summary>
public sealed class OutcomeReport(IStepFunctions stepFunctions, TimeProvider time)
{
    public async Task<DeploymentOutcome> DescribeAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var (liveGroup, retiredGroup) = StrategyCatalog.For(deployment).Outcome(state);
        var steps = await StepsAsync(deployment.ExecutionArn, log, cancellationToken);
        return new DeploymentOutcome(deployment.DeploymentId, deployment.Application, deployment.ImageId, liveGroup, retiredGroup, deployment.Strategy, steps);
    }

    private async Task<IReadOnlyList<StepTiming>> StepsAsync(string executionArn, StepLog log, CancellationToken cancellationToken)
    {
        try
        {
            return StepTimeline.From(await stepFunctions.GetExecutionHistoryAsync(executionArn, cancellationToken), time);
        }
        catch (AwsServiceException error)
        {
            // Outside an execution (by hand, a test), or Step Functions busy past the client's
            // retries: the timings are a nicety, the outcome is still right without them.
            log.Warn("No history for {Execution}: {Reason}; the output lists no steps", executionArn, error.ErrorMessage);
            return [];
        }
    }
}
