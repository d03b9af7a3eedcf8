using System.Globalization;
using System.Xml.Linq;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.Route53;

/// <summary>Our Route 53 records to and from the REST-XML shapes (botocore route53 2013-04-01).</summary>
internal static class Route53Wire
{
    public static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    public static XElement CreateHostedZoneRequest(string name, string callerReference) => new(
        Ns + "CreateHostedZoneRequest",
        new XElement(Ns + "Name", name),
        new XElement(Ns + "CallerReference", callerReference));

    /// <summary>Route 53 validates element order against its schema, so this follows the model's member order.</summary>
    public static XElement ToXml(RecordSet record) => new(
        Ns + "ResourceRecordSet",
        new XElement(Ns + "Name", record.Name),
        new XElement(Ns + "Type", record.Type),
        record.SetIdentifier is null ? null : new XElement(Ns + "SetIdentifier", record.SetIdentifier),
        record.Weight is null ? null : new XElement(Ns + "Weight", record.Weight.Value.ToString(CultureInfo.InvariantCulture)),
        record.Ttl is null ? null : new XElement(Ns + "TTL", record.Ttl.Value.ToString(CultureInfo.InvariantCulture)),
        record.Values is null
            ? null
            : new XElement(Ns + "ResourceRecords", record.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))),
        record.Alias is not { } alias
            ? null
            : new XElement(
                Ns + "AliasTarget",
                new XElement(Ns + "HostedZoneId", alias.HostedZoneId),
                new XElement(Ns + "DNSName", alias.DnsName),
                new XElement(Ns + "EvaluateTargetHealth", alias.EvaluateTargetHealth ? "true" : "false")));

    public static XElement ToXml(IEnumerable<RecordChange> changes, string? comment) => new(
        Ns + "ChangeResourceRecordSetsRequest",
        new XElement(
            Ns + "ChangeBatch",
            comment is null ? null : new XElement(Ns + "Comment", comment),
            new XElement(
                Ns + "Changes",
                changes.Select(c => new XElement(
                    Ns + "Change",
                    new XElement(Ns + "Action", c.Action.ToString().ToUpperInvariant()),
                    ToXml(c.Record))))));

    public static RecordSet ReadRecordSet(XElement record)
    {
        var alias = record.Child("AliasTarget");
        return new RecordSet(
            record.Required("Name"),
            record.Required("Type"),
            record.Text("SetIdentifier"),
            record.Long("Weight"),
            record.Long("TTL"),
            record.Child("ResourceRecords") is null ? null : record.List("ResourceRecords").Select(r => r.Required("Value")).ToList(),
            alias is null ? null : new AliasTarget(alias.Required("HostedZoneId"), alias.Required("DNSName"), alias.Bool("EvaluateTargetHealth") ?? false));
    }

    public static ChangeInfo ReadChangeInfo(XElement response)
    {
        var info = response.Child("ChangeInfo") ?? throw new FormatException("Route 53 response has no ChangeInfo.");
        return new ChangeInfo(WithoutPrefix(info.Required("Id")), info.Required("Status"), info.Time("SubmittedAt"));
    }

    /// <summary>"/hostedzone/Z123" and "Z123" name the same zone (likewise "/change/C1").</summary>
    public static string WithoutPrefix(string id) => id[(id.LastIndexOf('/') + 1)..];
}
