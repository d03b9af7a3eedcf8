using System.Text;
using System.Xml.Linq;
using BlueGreen.Aws;
using BlueGreen.Aws.Route53;

namespace BlueGreen.Local.Sample;

/// <summary>
/// The sample application made ready for the <c>dns</c> strategy: a second ALB in front of the
/// sample's spare target group, a hosted zone, and two weighted records of one name, colour
/// <c>a</c> (the sample's ALB, where blue serves) at weight 100 and colour <c>b</c> (the second
/// ALB) at 0. Records are aliases to the ALBs, or CNAMEs with a TTL of your choice.
/// </summary>
public sealed record DnsSample(string HostedZoneId, string RecordName, string SecondLoadBalancerArn, SampleApplication Sample)
{
    public const string LiveColour = "a";
    public const string IdleColour = "b";

    private const string Elbv2 = "2015-12-01";

    /// <param name="cnameTtlSeconds">Null: alias records (Route 53 answers them with a 60 s TTL);
    /// else CNAME records with this TTL.</param>
    public static async Task<DnsSample> SeedAsync(PlainAwsCalls calls, AwsClients aws, SampleApplication sample, int? cnameTtlSeconds, CancellationToken cancellationToken = default)
    {
        var second = (await calls.QueryAsync("elasticloadbalancing", "CreateLoadBalancer", Elbv2, Form(
            ("Name", $"{sample.Application}-alb-b"), ("Subnets.member.1", sample.SubnetIds[0]), ("Subnets.member.2", sample.SubnetIds[1]),
            ("Type", "application"), ("Scheme", "internet-facing")), cancellationToken))
            .Descendants().First(e => e.Name.LocalName == "LoadBalancerArn").Value;
        await calls.QueryAsync("elasticloadbalancing", "CreateListener", Elbv2, Form(
            ("LoadBalancerArn", second), ("Protocol", "HTTP"), ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", sample.SpareTargetGroupArn)), cancellationToken);

        var domain = $"{sample.Application}.example.com";
        var zone = await CreateHostedZoneAsync(calls, domain, cancellationToken);
        var name = $"www.{domain}.";
        var balancers = await aws.LoadBalancing.DescribeLoadBalancersAsync([sample.LoadBalancerArn, second], cancellationToken);
        RecordSet Record(string colour, string loadBalancerArn, long weight)
        {
            var balancer = balancers.Single(b => b.Arn == loadBalancerArn);
            return cnameTtlSeconds is { } ttl
                ? new RecordSet(name, "CNAME", colour, weight, ttl, [balancer.DnsName])
                : new RecordSet(name, "A", colour, weight, Alias: new AliasTarget(balancer.CanonicalHostedZoneId ?? "Z35SXDOTRQ7X7K", balancer.DnsName, true));
        }

        await aws.Route53.ChangeResourceRecordSetsAsync(zone, [
            new RecordChange(RecordChangeAction.Create, Record(LiveColour, sample.LoadBalancerArn, 100)),
            new RecordChange(RecordChangeAction.Create, Record(IdleColour, second, 0)),
        ], "dns sample", cancellationToken);
        return new DnsSample(zone, name, second, sample);
    }

    /// <summary>The settings' <c>dns</c> section for this sample.</summary>
    public string SettingsSection => $$"""
        { "hostedZoneId": "{{HostedZoneId}}", "recordName": "{{RecordName}}",
          "colors": [ { "setIdentifier": "{{LiveColour}}", "loadBalancerArn": "{{Sample.LoadBalancerArn}}", "targetGroupArn": "{{Sample.TargetGroupArn}}" },
                      { "setIdentifier": "{{IdleColour}}", "loadBalancerArn": "{{SecondLoadBalancerArn}}", "targetGroupArn": "{{Sample.SpareTargetGroupArn}}" } ] }
        """;

    /// <summary>Route 53 is REST-XML, which the plain calls do not speak; moto reads the service from the credential scope.</summary>
    private static async Task<string> CreateHostedZoneAsync(PlainAwsCalls calls, string domain, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(calls.Endpoint, "/2013-04-01/hostedzone"))
        {
            Content = new StringContent(
                $"""<CreateHostedZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Name>{domain}</Name><CallerReference>{Guid.NewGuid()}</CallerReference></CreateHostedZoneRequest>""",
                Encoding.UTF8,
                "application/xml"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/route53/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlainAwsCallFailed("route53", "CreateHostedZone", (int)response.StatusCode, text);
        }

        var id = XDocument.Parse(text).Descendants().First(e => e.Name.LocalName == "Id").Value;
        return id[(id.LastIndexOf('/') + 1)..];
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => KeyValuePair.Create(p.Key, p.Value));
}
