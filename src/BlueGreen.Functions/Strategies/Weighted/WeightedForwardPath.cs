using BlueGreen.Aws.Errors;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies.Weighted;

/// <summary>
/// The <c>weighted</c> strategy's pair: the forward action of a listener (or of one of its rules)
/// splitting traffic between the settings' two target groups. Only a lone forward to those groups
/// is ours: another action beside it (authentication, redirect) or another target group would be
/// lost by rewriting the action, so it is refused. Writes keep the action's stickiness.
/// </summary>
public sealed class WeightedForwardPath(ILoadBalancing loadBalancing, WeightedSettings settings, string settingsName) : IWeightPath
{
    /// <summary>ALB's own limit on target groups in one forward action.</summary>
    public const int MaxTargetGroups = 5;

    public string Name => settings.RuleArn is { } rule ? $"listener rule {rule}" : $"listener {settings.ListenerArn}";

    public async Task<TrafficPath> FindIdleAsync(CancellationToken cancellationToken)
    {
        var forward = await ReadForwardAsync(cancellationToken);
        var pair = IdlePair.Choose(settings.TargetGroupArns, Weights(forward), out var problem)
            ?? throw Refuse("$.weighted.targetGroupArns", $"{Name} cannot tell the idle target group: {problem}",
                "set the live target group's weight above 0 and the other's to 0 (e.g. aws elbv2 modify-listener), then deploy again");
        return new TrafficPath(pair.Live, pair.Idle);
    }

    public TrafficPath? PathServedBy(IReadOnlyCollection<string> liveTargetGroupArns)
    {
        var live = settings.TargetGroupArns.FirstOrDefault(t => liveTargetGroupArns.Contains(t, StringComparer.Ordinal));
        var idle = settings.TargetGroupArns.FirstOrDefault(t => t != live);
        return live is null || idle is null ? null : new TrafficPath(live, idle);
    }

    public async Task<TrafficWeights> ReadAsync(TrafficPath path, CancellationToken cancellationToken)
    {
        var weights = Weights(await ReadForwardAsync(cancellationToken));
        return new TrafficWeights((int)weights.GetValueOrDefault(path.LiveTargetGroupArn), (int)weights.GetValueOrDefault(path.IdleTargetGroupArn));
    }

    public async Task<string?> WriteAsync(TrafficPath path, TrafficWeights weights, CancellationToken cancellationToken)
    {
        var current = await ReadForwardAsync(cancellationToken);
        var forward = new WeightedForward(
            [new WeightedTargetGroup(path.LiveTargetGroupArn, weights.Blue), new WeightedTargetGroup(path.IdleTargetGroupArn, weights.Green)],
            current.StickinessSeconds);
        if (settings.RuleArn is { } rule)
        {
            await loadBalancing.ModifyRuleAsync(rule, forward, cancellationToken);
        }
        else
        {
            await loadBalancing.ModifyListenerAsync(settings.ListenerArn, forward, cancellationToken);
        }

        return null;
    }

    public Task<bool> InSyncAsync(string changeId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<int> LingerSecondsAsync(TrafficPath path, CancellationToken cancellationToken) => Task.FromResult(0);

    private async Task<WeightedForward> ReadForwardAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ListenerAction> actions;
        try
        {
            actions = await ReadActionsAsync(cancellationToken);
        }
        catch (AwsServiceException missing) when (missing is AwsNotFoundException or AwsValidationException)
        {
            throw Refuse("$.weighted.listenerArn", $"names a listener that cannot be read ({missing.Code}: {missing.ErrorMessage})",
                "give the ARN of the listener in front of the two target groups");
        }

        var path = settings.RuleArn is null ? "$.weighted.listenerArn" : "$.weighted.ruleArn";
        if (actions.Count != 1 || actions[0] is not { Type: "forward", Forward: { } forward })
        {
            throw Refuse(path, $"{Name} has the action(s) {string.Join(", ", actions.Select(a => a.Type))}, not one forward action, and rewriting it would drop the rest",
                "point the settings at a listener or rule whose only action forwards to the two target groups");
        }

        var foreign = forward.TargetGroups.Select(g => g.TargetGroupArn).Except(settings.TargetGroupArns, StringComparer.Ordinal).ToList();
        if (foreign.Count > 0 || forward.TargetGroups.Count > MaxTargetGroups)
        {
            throw Refuse(path, $"{Name} also forwards to {string.Join(", ", foreign)}, which the settings do not name (at most {MaxTargetGroups} target groups per action; only the two of $.weighted.targetGroupArns are ours)",
                "forward only to the two target groups of $.weighted.targetGroupArns, or name the ones it uses there");
        }

        return forward;
    }

    private async Task<IReadOnlyList<ListenerAction>> ReadActionsAsync(CancellationToken cancellationToken) =>
        settings.RuleArn is { } ruleArn
            ? (await loadBalancing.DescribeRulesAsync(settings.ListenerArn, cancellationToken)).FirstOrDefault(r => r.Arn == ruleArn)?.Actions
                ?? throw Refuse("$.weighted.ruleArn", $"names no rule of listener {settings.ListenerArn}", "give the ARN of one of the listener's rules, or null for its default action")
            : (await loadBalancing.DescribeListenersAsync(LoadBalancerOf(settings.ListenerArn), cancellationToken)).FirstOrDefault(l => l.Arn == settings.ListenerArn)?.DefaultActions
                ?? throw Refuse("$.weighted.listenerArn", "names no listener", "give the ARN of the listener in front of the two target groups");

    private static Dictionary<string, long> Weights(WeightedForward forward) =>
        forward.TargetGroups.GroupBy(g => g.TargetGroupArn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Sum(t => t.Weight), StringComparer.Ordinal);

    /// <summary>A listener ARN is its load balancer's ARN with "listener/" for "loadbalancer/" and the listener id appended.</summary>
    private static string LoadBalancerOf(string listenerArn)
    {
        var at = listenerArn.IndexOf(":listener/", StringComparison.Ordinal);
        var last = listenerArn.LastIndexOf('/');
        return at < 0 || last <= at ? listenerArn : listenerArn[..at] + ":loadbalancer/" + listenerArn[(at + ":listener/".Length)..last];
    }

    private InvalidRequest Refuse(string path, string message, string fix) =>
        new([new Problem(path, message, fix)], $"The weighted traffic path in {settingsName}");
}
