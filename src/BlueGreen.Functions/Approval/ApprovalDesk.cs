using System.Text.Json;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Locking;

namespace BlueGreen.Functions.Approval;

/// <summary>
/// Answers a deployment waiting in AwaitApproval, as <c>bluegreen approve</c> and <c>reject</c> do:
/// finds the execution (ARN, or name within the state machine), finds its token on the lock item,
/// sends task success or an <see cref="ApprovalRejected"/> failure, then forgets the token. The
/// token itself never leaves this class: not in messages, not in errors.
/// </summary>
public sealed class ApprovalDesk(IStepFunctions stepFunctions, ApprovalTokens tokens, TimeProvider time)
{
    /// <returns>The execution's ARN.</returns>
    public async Task<string> ApproveAsync(string execution, string stateMachine, string? comment, CancellationToken cancellationToken = default)
    {
        var (arn, pending) = await FindAsync(execution, stateMachine, cancellationToken);
        var answer = new ApprovalAnswer(true, comment, time.GetUtcNow());
        await DeliverAsync(arn, () => stepFunctions.SendTaskSuccessAsync(pending.Token, JsonSerializer.Serialize(answer, FunctionJsonContext.Default.ApprovalAnswer), cancellationToken));
        await tokens.ForgetAsync(pending, cancellationToken);
        return arn;
    }

    /// <returns>The execution's ARN.</returns>
    public async Task<string> RejectAsync(string execution, string stateMachine, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Say why with --reason: it becomes the failed deployment's cause.", nameof(reason));
        }

        var (arn, pending) = await FindAsync(execution, stateMachine, cancellationToken);
        await DeliverAsync(arn, () => stepFunctions.SendTaskFailureAsync(pending.Token, nameof(ApprovalRejected), $"Rejected at the approval step: {reason.Trim()}", cancellationToken));
        await tokens.ForgetAsync(pending, cancellationToken);
        return arn;
    }

    /// <summary>An ARN as given; a name is an execution of <paramref name="stateMachine"/> (name or ARN).</summary>
    public async Task<string> ResolveAsync(string execution, string stateMachine, CancellationToken cancellationToken = default)
    {
        return await Executions.ExecutionReference.ResolveAsync(stepFunctions, execution, stateMachine, cancellationToken)
            ?? throw new ApprovalRefused(ApprovalRefused.ExecutionNotFound, $"No state machine named {stateMachine} in this account and region; give the execution's ARN, or --state-machine.");
    }

    private async Task<(string Arn, PendingApproval Pending)> FindAsync(string execution, string stateMachine, CancellationToken cancellationToken)
    {
        var arn = await ResolveAsync(execution, stateMachine, cancellationToken);
        Execution described;
        try
        {
            described = await stepFunctions.DescribeExecutionAsync(arn, cancellationToken);
        }
        catch (AwsServiceException error) when (error is AwsNotFoundException or AwsValidationException)
        {
            throw new ApprovalRefused(ApprovalRefused.ExecutionNotFound, $"No execution {arn}: check the name or ARN, and AWS_REGION.");
        }

        if (described.Status != ExecutionStatus.Running)
        {
            throw new ApprovalRefused(ApprovalRefused.NotAwaitingApproval, $"Execution {arn} is not running (it ended {described.Status.ToString().ToUpperInvariant()}), so there is nothing to answer.");
        }

        var pending = await tokens.FindAsync(arn, cancellationToken)
            ?? throw new ApprovalRefused(ApprovalRefused.NotAwaitingApproval, $"Execution {arn} is not waiting for approval (not yet, or already answered).");
        return (arn, pending);
    }

    private static async Task DeliverAsync(string arn, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (AwsServiceException error) when (error is AwsNotFoundException or AwsValidationException || error.Code is "TaskTimedOut")
        {
            // The service's message may quote the token, so it is not passed on.
            throw new ApprovalRefused(ApprovalRefused.NotAwaitingApproval, $"Execution {arn} no longer waits for this approval ({error.Code}): it was answered, timed out, or retried the request.");
        }
    }
}
