namespace BlueGreen.Core.Settings;

/// <summary>The <c>dns</c> strategy: exactly two weighted records of one name in one hosted zone.</summary>
public sealed record DnsSettings(string HostedZoneId, string RecordName, IReadOnlyList<DnsColor> Colors);
