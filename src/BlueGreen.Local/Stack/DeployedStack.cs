namespace BlueGreen.Local.Stack;

/// <summary>What the local cloud deployed from the template.</summary>
public sealed record DeployedStack(
    string TemplatePath,
    IReadOnlyDictionary<string, string> StateMachineArns,
    IReadOnlyList<string> TableNames,
    IReadOnlyList<string>? RuleNames = null)
{
    /// <summary>${AWS::StackName} of the deployment; null for <see cref="Empty"/>.</summary>
    public string? StackName { get; init; }

    /// <summary>The template's Outputs, evaluated as CloudFormation would (OutputKey → value); an
    /// output the local cloud cannot evaluate is left out.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    public static DeployedStack Empty { get; } = new(string.Empty, new Dictionary<string, string>(), []);

    /// <summary>The EventBridge rules deployed on the default bus (AWS::Events::Rule and the
    /// state machines' SAM EventBridgeRule/CloudWatchEvent Events).</summary>
    public IReadOnlyList<string> Rules => RuleNames ?? [];
}
