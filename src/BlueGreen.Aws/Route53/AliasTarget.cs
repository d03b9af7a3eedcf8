namespace BlueGreen.Aws.Route53;

/// <param name="HostedZoneId">The target's zone, e.g. a load balancer's CanonicalHostedZoneId.</param>
public sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);
