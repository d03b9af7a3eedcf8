namespace BlueGreen.Aws.Events;

/// <summary>The EventBridge calls BlueGreen makes: put events on a bus, for rules to route; and
/// the rules themselves, which the local cloud deploys from the template.</summary>
public interface IEventBus
{
    /// <summary>Puts every event, in batches of at most 10 (the service's limit per call). A call
    /// that fails as a whole throws (the batches before it stay put); entries the service refuses one by one (a missing source,
    /// a detail that is not a JSON object…) are reported in the result, in the order given, and
    /// are not retried.</summary>
    Task<PutEventsResult> PutEventsAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a rule on the default bus (an upsert).</summary>
    Task PutRuleAsync(string name, string eventPattern, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>EnableRule or DisableRule: a disabled rule drops what it would have matched.</summary>
    Task SetRuleEnabledAsync(string name, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Adds the targets to the rule, replacing any with the same id (an upsert).</summary>
    Task PutTargetsAsync(string rule, IReadOnlyList<RuleTarget> targets, CancellationToken cancellationToken = default);
}
