namespace BlueGreen.Functions.Hosting;

/// <summary>The functions' own configuration, from the environment the template gives them.</summary>
public sealed record FunctionSettings(string? LockTable)
{
    public const string LockTableVariable = "BLUEGREEN_LOCK_TABLE";

    public static FunctionSettings FromVariables(Func<string, string?> variable) =>
        new(variable(LockTableVariable) is { Length: > 0 } table ? table : null);

    /// <summary>The lock table, for the states that need it.</summary>
    public string RequireLockTable() =>
        LockTable ?? throw new InvalidOperationException($"{LockTableVariable} is not set; serverless.template sets it for every function.");
}
