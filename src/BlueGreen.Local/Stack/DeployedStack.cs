namespace BlueGreen.Local.Stack;

/// <summary>What the local cloud deployed from the template.</summary>
public sealed record DeployedStack(
    string TemplatePath,
    IReadOnlyDictionary<string, string> StateMachineArns,
    IReadOnlyList<string> TableNames)
{
    public static DeployedStack Empty { get; } = new(string.Empty, new Dictionary<string, string>(), []);
}
