using BlueGreen.Local.Gateway.Internal;
using BlueGreen.Local.Gateway.Internal.WireCheck;
using static BlueGreen.Local.Tests.Gateway.Internal.WireCheck.WireRequests;

namespace BlueGreen.Local.Tests.Gateway.Internal.WireCheck;

/// <summary>
/// REST-XML beyond Route 53's plain elements and wrapped lists: the model's element order, single
/// members appearing once, maps as <c>entry/key/value</c> (S3 Control's user metadata, the one
/// REST-XML map in a request body among the models), and flattened lists (S3's CORS rules).
/// </summary>
public sealed class RestXmlStructureTests
{
    private const string Route53Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private const string ControlNs = "http://awss3control.amazonaws.com/doc/2018-08-20/";

    [Fact]
    public void Check_Route53ElementsOutOfTheModelsOrder_Named()
    {
        var verdict = ChangeBatch("<Name>shop.example.com</Name><TTL>60</TTL><Type>A</Type>");

        Assert.Contains("ResourceRecordSet/Type: out of order: the model's sequence puts it before <TTL>", verdict.Message);
    }

    [Fact]
    public void Check_Route53SingleElementTwice_Named()
    {
        var verdict = ChangeBatch("<Name>shop.example.com</Name><Type>A</Type><Type>A</Type>");

        Assert.Contains("ResourceRecordSet/Type: appears more than once", verdict.Message);
    }

    [Fact]
    public void Check_MapOfEntries_Fits()
    {
        var verdict = CreateJob("<entry><key>team</key><value>shop</value></entry><entry><key>tier</key><value>web</value></entry>");

        Assert.True(verdict.Fits, verdict.Message);
        Assert.Equal("CreateJob", verdict.Operation);
    }

    [Fact]
    public void Check_MapEntriesMisnamedOrIncomplete_AllNamed()
    {
        var verdict = CreateJob("<item><key>team</key><value>shop</value></item><entry><value>web</value></entry><entry><key>a</key><key>b</key><value>c</value><extra/></entry><entry><key></key><value>x</value></entry>");

        Assert.Contains("UserMetadata/item: map entries must be <entry>", verdict.Message);
        Assert.Contains("UserMetadata/entry[2]/key: map entry without a key", verdict.Message);
        Assert.Contains("UserMetadata/entry[3]/extra: a map entry holds only <key> and <value>", verdict.Message);
        Assert.Contains("UserMetadata/entry[3]/key: map entry with 2 <key> elements", verdict.Message);
        Assert.Contains("UserMetadata/entry[4]/key", verdict.Message);
    }

    [Fact]
    public void Check_FlattenedListsRepeatTheirElement_Fit()
    {
        var good = Cors("<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>");
        var wrapped = Cors("<CORSRule><AllowedMethod><member>GET</member></AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>");

        Assert.True(good.Fits, good.Message);
        Assert.Contains("AllowedMethod: a string cannot have child elements", wrapped.Message);
    }

    private static WireVerdict ChangeBatch(string record) =>
        Rest("route53", AwsProtocol.RestXml, "POST", "/2013-04-01/hostedzone/Z123/rrset/", body: $"""
            <ChangeResourceRecordSetsRequest xmlns="{Route53Ns}"><ChangeBatch><Changes><Change><Action>UPSERT</Action>
            <ResourceRecordSet>{record}<ResourceRecords><ResourceRecord><Value>10.0.0.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>
            </Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>
            """);

    private static WireVerdict CreateJob(string metadata) =>
        Rest("s3control", AwsProtocol.RestXml, "POST", "/v20180820/jobs", body: $"""
            <CreateJobRequest xmlns="{ControlNs}"><Operation><S3PutObjectCopy><NewObjectMetadata><UserMetadata>{metadata}</UserMetadata></NewObjectMetadata></S3PutObjectCopy></Operation>
            <Report><Enabled>false</Enabled></Report><ClientRequestToken>token-1</ClientRequestToken><Priority>10</Priority><RoleArn>arn:aws:iam::123456789012:role/batch</RoleArn></CreateJobRequest>
            """, headers: ("x-amz-account-id", "123456789012"));

    private static WireVerdict Cors(string rules) =>
        Rest("s3", AwsProtocol.RestXml, "PUT", "/shop-bucket", "?cors", body: $"""
            <CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">{rules}</CORSConfiguration>
            """);
}
