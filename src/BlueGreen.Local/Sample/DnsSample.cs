using BlueGreen.Aws;
using BlueGreen.Aws.Route53;

namespace BlueGreen.Local.Sample;

/// <summary>
/// The sample application made ready for the <c>dns</c> strategy: a second ALB in front of the
/// sample's spare target group, a hosted zone, and two weighted records of one name, color
/// <c>a</c> (the sample's ALB, where blue serves) at weight 100 and color <c>b</c> (the second
/// ALB) at 0. Records are aliases to the ALBs, or CNAMEs with a TTL of your choice.
/// </summary>
public sealed record DnsSample(string HostedZoneId, string RecordName, string SecondLoadBalancerArn, SampleApplication Sample)
{
    public const string LiveColor = "a";
    public const string IdleColor = "b";

    /// <param name="cnameTtlSeconds">Null: alias records (Route 53 answers them with a 60 s TTL);
    /// else CNAME records with this TTL.</param>
    public static async Task<DnsSample> SeedAsync(AwsClients aws, SampleApplication sample, int? cnameTtlSeconds, CancellationToken cancellationToken = default)
    {
        var second = (await aws.LoadBalancing.CreateLoadBalancerAsync($"{sample.Application}-alb-b", [sample.SubnetIds[0], sample.SubnetIds[1]], cancellationToken)).Arn;
        await aws.LoadBalancing.CreateListenerAsync(second, "HTTP", 80, sample.SpareTargetGroupArn, cancellationToken);

        var domain = $"{sample.Application}.example.com";
        var zone = await aws.Route53.CreateHostedZoneAsync(domain, Guid.NewGuid().ToString(), cancellationToken);
        var name = $"www.{domain}.";
        var balancers = await aws.LoadBalancing.DescribeLoadBalancersAsync([sample.LoadBalancerArn, second], cancellationToken);
        RecordSet Record(string color, string loadBalancerArn, long weight)
        {
            var balancer = balancers.Single(b => b.Arn == loadBalancerArn);
            return cnameTtlSeconds is { } ttl
                ? new RecordSet(name, "CNAME", color, weight, ttl, [balancer.DnsName])
                : new RecordSet(name, "A", color, weight, Alias: new AliasTarget(balancer.CanonicalHostedZoneId ?? "Z35SXDOTRQ7X7K", balancer.DnsName, true));
        }

        await aws.Route53.ChangeResourceRecordSetsAsync(zone, [
            new RecordChange(RecordChangeAction.Create, Record(LiveColor, sample.LoadBalancerArn, 100)),
            new RecordChange(RecordChangeAction.Create, Record(IdleColor, second, 0)),
        ], "dns sample", cancellationToken);
        return new DnsSample(zone, name, second, sample);
    }

    /// <summary>The settings' <c>dns</c> section for this sample.</summary>
    public string SettingsSection => $$"""
        { "hostedZoneId": "{{HostedZoneId}}", "recordName": "{{RecordName}}",
          "colors": [ { "setIdentifier": "{{LiveColor}}", "loadBalancerArn": "{{Sample.LoadBalancerArn}}", "targetGroupArn": "{{Sample.TargetGroupArn}}" },
                      { "setIdentifier": "{{IdleColor}}", "loadBalancerArn": "{{SecondLoadBalancerArn}}", "targetGroupArn": "{{Sample.SpareTargetGroupArn}}" } ] }
        """;
}
