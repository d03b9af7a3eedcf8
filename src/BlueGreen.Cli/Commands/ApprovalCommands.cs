using System.CommandLine;
using System.Text.Json.Nodes;
using BlueGreen.Cli.Operator;
using BlueGreen.Functions.Approval;
using BlueGreen.Functions.Locking;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen approve &lt;execution&gt; [--comment …]</c> and <c>bluegreen reject &lt;execution&gt;
/// --reason …</c>: answer a deployment waiting in AwaitApproval. The stack (<c>--stack</c>) names the
/// state machine and the lock table where the token waits; <c>--state-machine</c>/<c>--lock-table</c>
/// override it. Exit codes: 0 answered, 2 refused (not found, not waiting), 3 AWS unreachable.
/// </summary>
internal static class ApprovalCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        var approveExecution = Execution();
        var comment = new Option<string?>("--comment") { Description = "Recorded with the approval in the execution's history." };
        var approveOverrides = new StackOverrides();
        var approve = OperatorCommand.Create(
            "approve",
            "Approve a deployment waiting before its cutover: traffic moves to green.",
            output,
            error,
            (session, result, cancellation) => AnswerAsync(session, result, approveOverrides, "approved", result.GetValue(comment), async desk =>
            {
                var arn = await desk.ApproveAsync(result.GetValue(approveExecution)!, (await session.StackAsync(cancellation)).StateMachineArn, result.GetValue(comment), cancellation);
                return (arn, $"Approved {arn}: traffic moves to green.");
            }, cancellation),
            out _);
        approve.Arguments.Add(approveExecution);
        approve.Options.Add(comment);
        approveOverrides.AddTo(approve);

        var rejectExecution = Execution();
        var reason = new Option<string>("--reason") { Description = "Why: it becomes the failed deployment's cause.", Required = true };
        var rejectOverrides = new StackOverrides();
        var reject = OperatorCommand.Create(
            "reject",
            "Reject a deployment waiting before its cutover: it rolls back and blue stays live (ApprovalRejected).",
            output,
            error,
            (session, result, cancellation) => AnswerAsync(session, result, rejectOverrides, "rejected", result.GetValue(reason), async desk =>
            {
                var arn = await desk.RejectAsync(result.GetValue(rejectExecution)!, (await session.StackAsync(cancellation)).StateMachineArn, result.GetValue(reason)!, cancellation);
                return (arn, $"Rejected {arn}: the deployment rolls back; blue stays live.");
            }, cancellation),
            out _);
        reject.Arguments.Add(rejectExecution);
        reject.Options.Add(reason);
        rejectOverrides.AddTo(reject);

        return [approve, reject];
    }

    private static async Task<int> AnswerAsync(
        OperatorSession session, ParseResult result, StackOverrides overrides, string answer, string? words,
        Func<ApprovalDesk, Task<(string Arn, string Text)>> send, CancellationToken cancellation)
    {
        overrides.Apply(result, session);
        var stack = await session.StackAsync(cancellation);
        var desk = new ApprovalDesk(session.Aws.StepFunctions, new ApprovalTokens(session.Aws.DynamoDb, stack.LockTableName), session.Time);
        try
        {
            var (arn, text) = await send(desk);
            if (session.Output == OutputFormat.Json)
            {
                await session.WriteJsonAsync(new JsonObject { ["executionArn"] = arn, ["answer"] = answer, [answer == "approved" ? "comment" : "reason"] = words });
            }
            else
            {
                await session.Out.WriteLineAsync(text);
            }

            return ExitCodes.Done;
        }
        catch (ApprovalRefused refused)
        {
            throw new OperatorError(refused.Name, refused.Message);
        }
        catch (ArgumentException invalid)
        {
            throw new OperatorError("InvalidUsage", invalid.Message);
        }
    }

    private static Argument<string> Execution() => new("execution")
    {
        Description = "The execution's ARN, or its name (an execution of the stack's state machine).",
    };
}
