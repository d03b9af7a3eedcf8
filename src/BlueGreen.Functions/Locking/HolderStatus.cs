using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Locking;

/// <summary>Whether the execution holding a lock still runs; a lock whose holder has ended (or never
/// existed) is stale and may be taken over.</summary>
internal static class HolderStatus
{
    /// <returns>The running execution, or null when the holder is not running.</returns>
    public static async Task<Execution?> RunningAsync(IStepFunctions stepFunctions, string holder, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await stepFunctions.DescribeExecutionAsync(holder, cancellationToken);
            return execution.Status == ExecutionStatus.Running ? execution : null;
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
        catch (AwsValidationException)
        {
            // Not an execution ARN at all (a hand-written item): nothing runs under that name.
            return null;
        }
    }
}
