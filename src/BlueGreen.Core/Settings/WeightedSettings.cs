namespace BlueGreen.Core.Settings;

/// <summary>
/// The <c>weighted</c> strategy: one ALB listener (or one of its rules, when <see cref="RuleArn"/>
/// is set) forwarding to exactly two target groups; the idle one receives the next green.
/// </summary>
public sealed record WeightedSettings(string ListenerArn, string? RuleArn, IReadOnlyList<string> TargetGroupArns);
