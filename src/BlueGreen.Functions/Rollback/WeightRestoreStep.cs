using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Rollback;

/// <summary>What <see cref="WeightRestore"/> does, as a step to do by hand when RollBack failed.</summary>
public static class WeightRestoreStep
{
    /// <returns>The sentence, or null when the strategy does not move weights or the halves were never read.</returns>
    public static string? Describe(ApplicationSettings settings, LiveFleet live) => (settings.Strategy, live.TrafficPath) switch
    {
        (DeploymentStrategy.Weighted, { } path) when settings.Weighted is { } weighted =>
            $"Set the forward action of {(weighted.RuleArn is { } rule ? $"listener rule {rule}" : $"listener {weighted.ListenerArn}")} back to blue: "
            + $"{path.LiveTargetGroupArn} weight 100, {path.IdleTargetGroupArn} weight 0 ({live.GroupName} serves from the first).",
        (DeploymentStrategy.Dns, { } path) when settings.Dns is { } dns =>
            $"Set the weighted records {dns.RecordName} in hosted zone {dns.HostedZoneId} back to blue: "
            + $"set identifier {path.LiveSetIdentifier} weight 100, {path.IdleSetIdentifier} weight 0 ({live.GroupName} serves behind the first).",
        _ => null,
    };
}
