namespace BlueGreen.Aws.LoadBalancing;

/// <summary>One action of a listener or rule.</summary>
/// <param name="Type">"forward", "redirect", "fixed-response", "authenticate-oidc"...</param>
/// <param name="Forward">For forward actions: the target groups and their weights. A plain
/// single-group forward reads as that group with weight 1.</param>
public sealed record ListenerAction(string Type, WeightedForward? Forward);
