namespace BlueGreen.Aws.LoadBalancing;

/// <param name="Priority">A number, or "default" for the listener's default rule.</param>
public sealed record ListenerRule(
    string Arn,
    string Priority,
    bool IsDefault,
    IReadOnlyList<ListenerAction> Actions);
