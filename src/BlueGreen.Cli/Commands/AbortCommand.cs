using System.CommandLine;
using System.Text.Json.Nodes;
using BlueGreen.Cli.Operator;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Recovery;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen abort &lt;execution&gt; [--reason …]</c>: stops a deployment and waits for its cleanup
/// (traffic back on blue, green removed, lock free). Same conventions as approve/reject: the
/// execution's ARN or name, <c>--stack</c> (or <c>--state-machine</c>/<c>--lock-table</c>).
/// Exit codes: 0 rolled back (or nothing of it left), 1 the cleanup failed, 2 refused, 3 AWS unreachable.
/// </summary>
internal static class AbortCommand
{
    /// <summary>How long the rule's cleanup may take to appear before abort starts one itself.</summary>
    public static readonly TimeSpan CleanupAppears = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(30);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var execution = new Argument<string>("execution") { Description = "The execution's ARN, or its name (an execution of the stack's state machine)." };
        var reason = new Option<string?>("--reason") { Description = "Why: recorded as the stop's cause and in the cleanup's message." };
        var overrides = new StackOverrides();
        var abort = OperatorCommand.Create(
            "abort",
            "Stop a deployment and roll it back: traffic back on blue, green removed, lock free.",
            output,
            error,
            async (session, result, cancellation) =>
            {
                overrides.Apply(result, session);
                var stack = await session.StackAsync(cancellation);
                var claims = new CleanupClaims(session.Aws.DynamoDb, session.Aws.StepFunctions, stack.LockTableName, session.Time);
                var done = await new DeploymentAbort(session.Aws.StepFunctions, claims, session.Time, CleanupAppears, CleanupTimeout)
                    .AbortAsync(result.GetValue(execution)!, stack.StateMachineArn, result.GetValue(reason), cancellation);
                if (session.Output == OutputFormat.Json)
                {
                    await session.WriteJsonAsync(ToJson(done));
                }
                else
                {
                    await (done.ExitCode == ExitCodes.Refused ? session.Error : session.Out).WriteLineAsync(done.Text);
                }

                return done.ExitCode;
            },
            out _);
        abort.Arguments.Add(execution);
        abort.Options.Add(reason);
        overrides.AddTo(abort);
        return abort;
    }

    /// <summary>docs/cli.md "abort": the outcome names are CleanupOutcome's, or CleanupFailed / the refusal's name.</summary>
    private static JsonObject ToJson(AbortResult done) => new()
    {
        ["executionArn"] = done.Execution,
        ["cleanupExecutionArn"] = done.Cleanup,
        ["outcome"] = done.Outcome?.Outcome ?? done.ExitCode switch
        {
            ExitCodes.DeploymentFailed => "CleanupFailed",
            _ => done.Text.Split(':')[0],
        },
        ["rolledBack"] = done.Outcome?.RolledBack,
        ["liveGroup"] = done.Outcome?.LiveGroup,
        ["message"] = done.Text,
    };
}
