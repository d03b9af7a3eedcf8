using BlueGreen.Local.Gateway.Internal;
using static BlueGreen.Local.Tests.Gateway.Internal.WireCheck.WireRequests;

namespace BlueGreen.Local.Tests.Gateway.Internal.WireCheck;

public sealed class RestWireTests
{
    private const string Route53Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private const string BuildArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/shop-recipe/1.0.0/1";

    [Fact]
    public void Check_Route53ChangeBatch_Fits()
    {
        var verdict = Rest("route53", AwsProtocol.RestXml, "POST", "/2013-04-01/hostedzone/Z123/rrset/", body: $"""
            <ChangeResourceRecordSetsRequest xmlns="{Route53Ns}"><ChangeBatch><Changes><Change><Action>UPSERT</Action>
            <ResourceRecordSet><Name>shop.example.com</Name><Type>A</Type><SetIdentifier>green</SetIdentifier><Weight>10</Weight><TTL>60</TTL>
            <ResourceRecords><ResourceRecord><Value>10.0.0.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch>
            </ChangeResourceRecordSetsRequest>
            """);

        Assert.True(verdict.Fits, verdict.Message);
        Assert.Equal("ChangeResourceRecordSets", verdict.Operation);
    }

    [Fact]
    public void Check_Route53WrongElementsAndNamespace_AllNamed()
    {
        var verdict = Rest("route53", AwsProtocol.RestXml, "POST", "/2013-04-01/hostedzone/Z123/rrset/", body: """
            <ChangeResourceRecordSetsRequest><ChangeBatch><Changes><Item><Action>UPSERT</Action></Item><Change><Action>PUT</Action></Change></Changes></ChangeBatch>
            </ChangeResourceRecordSetsRequest>
            """);

        Assert.Contains("namespace must be " + Route53Ns, verdict.Message);
        Assert.Contains("ChangeResourceRecordSetsRequest/ChangeBatch/Changes/Item: list items must be <Change>", verdict.Message);
        Assert.Contains("Change[2]/Action: 'PUT' is not one of the enum's values", verdict.Message);
        Assert.Contains("Change[2]/ResourceRecordSet: required element missing", verdict.Message);
    }

    [Fact]
    public void Check_Route53QueryString_UsesLocationNames()
    {
        var good = Rest("route53", AwsProtocol.RestXml, "GET", "/2013-04-01/hostedzone/Z123/rrset", "?name=shop.example.com&type=A&maxitems=100");
        var bad = Rest("route53", AwsProtocol.RestXml, "GET", "/2013-04-01/hostedzone/Z123/rrset", "?StartRecordName=shop&type=AX");

        Assert.True(good.Fits, good.Message);
        Assert.Equal("ListResourceRecordSets", good.Operation);
        Assert.Contains("?StartRecordName: no such query parameter", bad.Message);
        Assert.Contains("?type: 'AX' is not one of the enum's values", bad.Message);
    }

    [Fact]
    public void Check_Route53UnknownPath_IsAViolation()
    {
        var verdict = Rest("route53", AwsProtocol.RestXml, "GET", "/2013-04-01/zones/Z123");

        Assert.Contains("no operation of route53 answers GET /2013-04-01/zones/Z123", verdict.Message);
    }

    [Fact]
    public void Check_ImageBuilderQueryString_Fits()
    {
        var verdict = Rest("imagebuilder", AwsProtocol.RestJson, "GET", "/GetImage", "?imageBuildVersionArn=" + Uri.EscapeDataString(BuildArn));

        Assert.True(verdict.Fits, verdict.Message);
        Assert.Equal("GetImage", verdict.Operation);
    }

    [Fact]
    public void Check_ImageBuilderWrongNamesAndLimits_AllNamed()
    {
        var query = Rest("imagebuilder", AwsProtocol.RestJson, "GET", "/GetImage", "?imageArn=" + Uri.EscapeDataString(BuildArn));
        var body = Rest("imagebuilder", AwsProtocol.RestJson, "POST", "/ListImageBuildVersions", body: """{"imageVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image/shop/1.0","maxResults":26}""");

        Assert.Contains("?imageArn: no such query parameter", query.Message);
        Assert.Contains("imageVersionArn: 'arn:aws:imagebuilder:us-east-1:123456789012:image/shop/1.0' does not match the pattern", body.Message);
        Assert.Contains("maxResults: 26 is above the maximum 25", body.Message);
    }
}
