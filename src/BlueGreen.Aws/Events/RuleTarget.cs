namespace BlueGreen.Aws.Events;

/// <summary>One target of an EventBridge rule, e.g. a state machine started with a role.</summary>
/// <param name="Input">Constant JSON text passed instead of the event; null passes the event (or <paramref name="InputPath"/> of it).</param>
public sealed record RuleTarget(string Id, string Arn, string? RoleArn = null, string? Input = null, string? InputPath = null);
