namespace BlueGreen.Aws.Events;

/// <summary>The EventBridge call BlueGreen makes: put events on a bus, for rules to route.</summary>
public interface IEventBus
{
    /// <summary>Puts every event, in batches of at most 10 (the service's limit per call). A call
    /// that fails as a whole throws (the batches before it stay put); entries the service refuses one by one (a missing source,
    /// a detail that is not a JSON object…) are reported in the result, in the order given, and
    /// are not retried.</summary>
    Task<PutEventsResult> PutEventsAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken = default);
}
