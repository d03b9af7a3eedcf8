using System.CommandLine;
using BlueGreen.Aws;
using BlueGreen.Functions.Approval;
using BlueGreen.Functions.Locking;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen approve &lt;execution&gt; [--comment …]</c> and <c>bluegreen reject &lt;execution&gt;
/// --reason …</c>: answer a deployment waiting in AwaitApproval. Endpoint, region and credentials
/// come from the standard AWS settings, as for every AWS tool. Exit codes: 0 answered, 2 refused
/// (not found, not waiting), 1 anything else.
/// </summary>
internal static class ApprovalCommands
{
    public const string DefaultStateMachine = "BlueGreenDeployment";

    /// <summary>serverless.template names the table <c>${AWS::StackName}-locks</c>; the stack is "bluegreen" by default.</summary>
    public const string DefaultLockTable = "bluegreen-locks";

    public const string LockTableVariable = "BLUEGREEN_LOCK_TABLE";

    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        var approveExecution = Execution();
        var comment = new Option<string?>("--comment") { Description = "Recorded with the approval in the execution's history." };
        var (approveMachine, approveTable) = (StateMachine(), LockTable());
        var approve = new Command("approve", "Approve a deployment waiting before its cutover: traffic moves to green.")
        {
            approveExecution, comment, approveMachine, approveTable,
        };
        approve.SetAction((result, cancellation) => AnswerAsync(output, error, result.GetValue(approveTable)!, async desk =>
        {
            var arn = await desk.ApproveAsync(result.GetValue(approveExecution)!, result.GetValue(approveMachine)!, result.GetValue(comment), cancellation);
            return $"Approved {arn}: traffic moves to green.";
        }));

        var rejectExecution = Execution();
        var reason = new Option<string>("--reason") { Description = "Why: it becomes the failed deployment's cause.", Required = true };
        var (rejectMachine, rejectTable) = (StateMachine(), LockTable());
        var reject = new Command("reject", "Reject a deployment waiting before its cutover: it rolls back and blue stays live (ApprovalRejected).")
        {
            rejectExecution, reason, rejectMachine, rejectTable,
        };
        reject.SetAction((result, cancellation) => AnswerAsync(output, error, result.GetValue(rejectTable)!, async desk =>
        {
            var arn = await desk.RejectAsync(result.GetValue(rejectExecution)!, result.GetValue(rejectMachine)!, result.GetValue(reason)!, cancellation);
            return $"Rejected {arn}: the deployment rolls back; blue stays live.";
        }));

        return [approve, reject];
    }

    private static async Task<int> AnswerAsync(TextWriter output, TextWriter error, string lockTable, Func<ApprovalDesk, Task<string>> answer)
    {
        try
        {
            using var aws = new AwsClients(AwsSettings.FromEnvironment());
            var desk = new ApprovalDesk(aws.StepFunctions, new ApprovalTokens(aws.DynamoDb, lockTable), TimeProvider.System);
            await output.WriteLineAsync(await answer(desk));
            return 0;
        }
        catch (ApprovalRefused refused)
        {
            await error.WriteLineAsync($"{refused.Name}: {refused.Message}");
            return 2;
        }
        catch (ArgumentException invalid)
        {
            await error.WriteLineAsync(invalid.Message);
            return 2;
        }
    }

    private static Argument<string> Execution() => new("execution")
    {
        Description = "The execution's ARN, or its name (an execution of --state-machine).",
    };

    private static Option<string> StateMachine() => new("--state-machine")
    {
        Description = "The state machine (name or ARN) an execution name belongs to.",
        DefaultValueFactory = _ => DefaultStateMachine,
    };

    private static Option<string> LockTable() => new("--lock-table")
    {
        Description = $"The stack's lock table, where the approval token waits (default ${LockTableVariable}, else {DefaultLockTable}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(LockTableVariable) is { Length: > 0 } table ? table : DefaultLockTable,
    };
}
