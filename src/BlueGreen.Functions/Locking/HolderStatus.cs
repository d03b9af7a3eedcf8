using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Locking;

/// <summary>How the execution holding a lock stands: still running (the lock is in use), stopped or
/// timed out (the lock waits for that execution's cleanup), or otherwise ended or never existed (the
/// lock is stale and may be taken over).</summary>
internal static class HolderStatus
{
    /// <returns>The holder's execution, or null when there is no such execution.</returns>
    public static async Task<Execution?> DescribeAsync(IStepFunctions stepFunctions, string holder, CancellationToken cancellationToken)
    {
        try
        {
            return await stepFunctions.DescribeExecutionAsync(holder, cancellationToken);
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

    /// <summary>ABORTED or TIMED_OUT: ended without its own rollback, so a cleanup still has to run.</summary>
    public static bool AwaitsCleanup(Execution execution) =>
        execution.Status is ExecutionStatus.Aborted or ExecutionStatus.TimedOut;
}
