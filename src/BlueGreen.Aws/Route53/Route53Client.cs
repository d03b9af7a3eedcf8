using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.Route53;

/// <summary>Route 53 over REST-XML (2013-04-01); a global service signed for us-east-1.</summary>
internal sealed class Route53Client(RestXmlProtocol rest) : IRoute53
{
    public static readonly AwsService Service = new(
        "Route53",
        "ROUTE_53",
        "route53",
        "route53",
        new Dictionary<string, ErrorKind>
        {
            ["NoSuchHostedZone"] = ErrorKind.NotFound,
            ["NoSuchChange"] = ErrorKind.NotFound,
            ["NoSuchHealthCheck"] = ErrorKind.NotFound,
            ["HostedZoneAlreadyExists"] = ErrorKind.AlreadyExists,
            ["InvalidChangeBatch"] = ErrorKind.Validation,
            ["InvalidArgument"] = ErrorKind.Validation,
            ["InvalidDomainName"] = ErrorKind.Validation,
            ["InvalidPaginationToken"] = ErrorKind.Validation,
        },
        IsGlobal: true);

    private const string Prefix = "/2013-04-01";

    public async Task<IReadOnlyList<RecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string? recordName = null, CancellationToken cancellationToken = default)
    {
        var zone = Uri.EscapeDataString(Route53Wire.WithoutPrefix(hostedZoneId));
        var records = new List<RecordSet>();
        (string? Name, string? Type, string? Identifier) next = (recordName, null, null);
        while (true)
        {
            var query = string.Join('&', new[] { ("name", next.Name), ("type", next.Type), ("identifier", next.Identifier) }
                .Where(p => p.Item2 is not null)
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
            var response = await rest.SendAsync(
                "ListResourceRecordSets", HttpMethod.Get, $"{Prefix}/hostedzone/{zone}/rrset{(query.Length > 0 ? "?" + query : "")}", null, cancellationToken);
            var page = response.List("ResourceRecordSets").Select(Route53Wire.ReadRecordSet).ToList();
            // Records are sorted by name: starting at recordName, stop at the first other name.
            var wanted = recordName is null ? page : page.TakeWhile(r => SameName(r.Name, recordName)).ToList();
            records.AddRange(wanted);
            if (response.Bool("IsTruncated") != true || wanted.Count < page.Count)
            {
                return records;
            }

            next = (response.Text("NextRecordName"), response.Text("NextRecordType"), response.Text("NextRecordIdentifier"));
        }
    }

    public async Task<ChangeInfo> ChangeResourceRecordSetsAsync(
        string hostedZoneId, IReadOnlyCollection<RecordChange> changes, string? comment = null, CancellationToken cancellationToken = default)
    {
        var zone = Uri.EscapeDataString(Route53Wire.WithoutPrefix(hostedZoneId));
        var response = await rest.SendAsync(
            "ChangeResourceRecordSets", HttpMethod.Post, $"{Prefix}/hostedzone/{zone}/rrset/", Route53Wire.ToXml(changes, comment), cancellationToken);
        return Route53Wire.ReadChangeInfo(response);
    }

    public async Task<string> CreateHostedZoneAsync(string name, string callerReference, CancellationToken cancellationToken = default)
    {
        var response = await rest.SendAsync(
            "CreateHostedZone", HttpMethod.Post, $"{Prefix}/hostedzone", Route53Wire.CreateHostedZoneRequest(name, callerReference), cancellationToken);
        var id = response.Child("HostedZone")?.Text("Id") ?? throw new FormatException("CreateHostedZone answered without HostedZone.Id.");
        return id[(id.LastIndexOf('/') + 1)..];
    }

    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default)
    {
        var id = Uri.EscapeDataString(Route53Wire.WithoutPrefix(changeId));
        var response = await rest.SendAsync("GetChange", HttpMethod.Get, $"{Prefix}/change/{id}", null, cancellationToken);
        return Route53Wire.ReadChangeInfo(response);
    }

    /// <summary>DNS names compare without case and without the trailing dot.</summary>
    private static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
