using System.CommandLine;
using BlueGreen.Aws;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Recovery;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen abort &lt;execution&gt; [--reason …]</c>: stops a deployment and waits for its cleanup
/// (traffic back on blue, green removed, lock free). Same conventions as approve/reject: the
/// execution's ARN or name, <c>--state-machine</c>, <c>--lock-table</c>, the standard AWS settings.
/// Exit codes: 0 rolled back (or nothing of it left), 1 the cleanup failed, 2 refused.
/// </summary>
internal static class AbortCommand
{
    /// <summary>How long the rule's cleanup may take to appear before abort starts one itself.</summary>
    public static readonly TimeSpan CleanupAppears = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(30);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var execution = new Argument<string>("execution") { Description = "The execution's ARN, or its name (an execution of --state-machine)." };
        var reason = new Option<string?>("--reason") { Description = "Why: recorded as the stop's cause and in the cleanup's message." };
        var stateMachine = new Option<string>("--state-machine")
        {
            Description = "The state machine (name or ARN) an execution name belongs to.",
            DefaultValueFactory = _ => ApprovalCommands.DefaultStateMachine,
        };
        var lockTable = new Option<string>("--lock-table")
        {
            Description = $"The stack's lock table, where the cleanup's claim is found (default ${ApprovalCommands.LockTableVariable}, else {ApprovalCommands.DefaultLockTable}).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ApprovalCommands.LockTableVariable) is { Length: > 0 } table ? table : ApprovalCommands.DefaultLockTable,
        };
        var abort = new Command("abort", "Stop a deployment and roll it back: traffic back on blue, green removed, lock free.")
        {
            execution, reason, stateMachine, lockTable,
        };
        abort.SetAction(async (result, cancellation) =>
        {
            using var aws = new AwsClients(AwsSettings.FromEnvironment());
            var claims = new CleanupClaims(aws.DynamoDb, aws.StepFunctions, result.GetValue(lockTable)!, TimeProvider.System);
            var done = await new DeploymentAbort(aws.StepFunctions, claims, TimeProvider.System, CleanupAppears, CleanupTimeout)
                .AbortAsync(result.GetValue(execution)!, result.GetValue(stateMachine)!, result.GetValue(reason), cancellation);
            await (done.ExitCode == 2 ? error : output).WriteLineAsync(done.Text);
            return done.ExitCode;
        });
        return abort;
    }
}
