namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>The call a cell injects its fault into: one mutating AWS operation, or the Lambda
/// Invoke of one function by the state machine.</summary>
/// <param name="Function">For an invoke, the function invoked; for an AWS operation, only calls by
/// this function (null: any caller).</param>
/// <param name="InRollback">The call is RollBack's: the cell makes the deployment roll back
/// (<see cref="FaultCell.RollbackTrigger"/>) so that the call is made.</param>
public sealed record FaultTarget(string Service, string Operation, string? Function = null, bool InRollback = false)
{
    public static FaultTarget Invoke(string function, bool inRollback = false) => new("lambda", "Invoke", function, inRollback);

    public bool IsLambdaInvoke => Service == "lambda" && Operation == "Invoke";

    public string Label =>
        (IsLambdaInvoke ? $"Invoke {Function}" : Function is null ? $"{Service}:{Operation}" : $"{Service}:{Operation} by {Function}")
        + (InRollback ? " (rollback)" : string.Empty);

    public override string ToString() => Label;
}
