namespace BlueGreen.Aws.LoadBalancing;

/// <param name="CanonicalHostedZoneId">For Route 53 alias records pointing at this load balancer.</param>
/// <param name="State">"active", "provisioning", "failed"...</param>
public sealed record LoadBalancer(
    string Arn,
    string Name,
    string DnsName,
    string? CanonicalHostedZoneId,
    string Type,
    string? Scheme,
    string? State,
    string? VpcId);
