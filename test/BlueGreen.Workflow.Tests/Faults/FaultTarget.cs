namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>The call a cell injects its fault into: one mutating AWS operation (any caller), or
/// the Lambda Invoke of one function by the state machine.</summary>
public sealed record FaultTarget(string Service, string Operation, string? Function = null)
{
    public static FaultTarget Invoke(string function) => new("lambda", "Invoke", function);

    public bool IsLambdaInvoke => Function is not null;

    public string Label => IsLambdaInvoke ? $"Invoke {Function}" : $"{Service}:{Operation}";

    public override string ToString() => Label;
}
