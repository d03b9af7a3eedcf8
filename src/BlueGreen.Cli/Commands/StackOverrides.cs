using System.CommandLine;
using BlueGreen.Cli.Operator;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>--state-machine</c> and <c>--lock-table</c>: explicit names that win over the stack's outputs
/// (approve, reject and abort had them before <c>--stack</c>; scripts keep working). With both given,
/// the stack is not read at all. <c>BLUEGREEN_LOCK_TABLE</c> still names the lock table.
/// </summary>
internal sealed class StackOverrides
{
    public const string LockTableVariable = "BLUEGREEN_LOCK_TABLE";

    public Option<string?> StateMachine { get; } = new("--state-machine")
    {
        Description = "The state machine (name or ARN) an execution name belongs to. Default: the stack's StateMachineArn output.",
    };

    public Option<string?> LockTable { get; } = new("--lock-table")
    {
        Description = $"The lock table. Default: ${LockTableVariable}, else the stack's LockTableName output.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(StateMachine);
        command.Options.Add(LockTable);
    }

    public void Apply(ParseResult result, OperatorSession session)
    {
        session.StateMachineOverride = result.GetValue(StateMachine);
        session.LockTableOverride = result.GetValue(LockTable)
            ?? (Environment.GetEnvironmentVariable(LockTableVariable) is { Length: > 0 } table ? table : null);
    }
}
