namespace BlueGreen.Aws.Route53;

/// <summary>A resource record set: plain (TTL + values) or an alias, optionally weighted.</summary>
/// <param name="Name">Fully qualified, with the trailing dot ("shop.example.com.").</param>
/// <param name="SetIdentifier">Tells apart the records of one weighted name.</param>
/// <param name="Weight">0-255; null for a record that is not weighted.</param>
public sealed record RecordSet(
    string Name,
    string Type,
    string? SetIdentifier = null,
    long? Weight = null,
    long? Ttl = null,
    IReadOnlyList<string>? Values = null,
    AliasTarget? Alias = null);
