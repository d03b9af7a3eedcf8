namespace BlueGreen.Aws.Events;

/// <summary>One event to put on a bus; rules match its <c>source</c>, <c>detail-type</c>,
/// <c>resources</c> and <c>detail</c>.</summary>
/// <param name="Detail">JSON text of an object.</param>
/// <param name="EventBusName">Name or ARN of the bus; null for the account's default bus.</param>
/// <param name="Time">The event's <c>time</c>; null lets the service use the time it received it.</param>
public sealed record BusEvent(
    string Source,
    string DetailType,
    string Detail,
    IReadOnlyList<string>? Resources = null,
    string? EventBusName = null,
    DateTimeOffset? Time = null);
