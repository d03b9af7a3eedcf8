namespace BlueGreen.Aws.LoadBalancing;

/// <summary>A forward action splitting traffic between target groups by weight (0-999 each).</summary>
/// <param name="StickinessSeconds">Keep a client on the group it first reached for this long;
/// null turns group stickiness off.</param>
public sealed record WeightedForward(IReadOnlyList<WeightedTargetGroup> TargetGroups, int? StickinessSeconds = null);
