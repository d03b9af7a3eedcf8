using System.Text;
using BlueGreen.Local.Gateway.Internal;
using Microsoft.AspNetCore.Http;

namespace BlueGreen.Local.Tests.Gateway.Internal;

public sealed class AwsCallIdentifierTests
{
    private static AwsCall Identify(string method, string path, string? body = null, string? contentType = null, string? service = "autoscaling", string? target = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        if (service is not null)
        {
            context.Request.Headers.Authorization =
                $"AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
        }

        if (target is not null)
        {
            context.Request.Headers["X-Amz-Target"] = target;
        }

        return AwsCallIdentifier.Identify(context.Request, Encoding.UTF8.GetBytes(body ?? string.Empty));
    }

    [Fact]
    public void Identify_QueryFormBody_ServiceFromScopeActionFromBody()
    {
        var call = Identify("POST", "/", "Action=DescribeAutoScalingGroups&Version=2011-01-01", "application/x-www-form-urlencoded; charset=utf-8");

        Assert.Equal(new AwsCall("autoscaling", "DescribeAutoScalingGroups", "eu-west-1", AwsProtocol.Query), call);
    }

    [Fact]
    public void Identify_QueryString_ActionFromQuery()
    {
        var call = Identify("GET", "/", service: "ec2", query: "?Action=DescribeInstances&Version=2016-11-15");

        Assert.Equal(("ec2", "DescribeInstances", AwsProtocol.Ec2Query), (call.Service, call.Operation, call.Protocol));
    }

    [Fact]
    public void Identify_JsonTarget_OperationAfterTheDot()
    {
        var call = Identify("POST", "/", "{}", "application/x-amz-json-1.0", service: "states", target: "AWSStepFunctions.StartExecution");

        Assert.Equal(("states", "StartExecution", AwsProtocol.Json), (call.Service, call.Operation, call.Protocol));
    }

    [Fact]
    public void Identify_JsonTargetWithoutSignature_ServiceFromTargetPrefix()
    {
        var call = Identify("POST", "/", "{}", "application/x-amz-json-1.0", service: null, target: "DynamoDB_20120810.PutItem");

        Assert.Equal(("dynamodb", "PutItem", "us-east-1"), (call.Service, call.Operation, call.Region));
    }

    [Theory]
    [InlineData("POST", "/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:ShiftTrafficFunction:live/invocations", "Invoke")]
    [InlineData("POST", "/2015-03-31/functions/ShiftTrafficFunction/invocations", "Invoke")]
    [InlineData("GET", "/2015-03-31/functions/ShiftTrafficFunction", "GetFunction")]
    [InlineData("GET", "/2015-03-31/functions/", "ListFunctions")]
    public void Identify_LambdaRestPath_Operation(string method, string path, string operation)
    {
        var call = Identify(method, path, service: "lambda");

        Assert.Equal(("lambda", operation, AwsProtocol.RestJson), (call.Service, call.Operation, call.Protocol));
    }

    [Theory]
    [InlineData("GET", "/2013-04-01/hostedzone", "ListHostedZones")]
    [InlineData("POST", "/2013-04-01/hostedzone/Z123/rrset/", "ChangeResourceRecordSets")]
    [InlineData("GET", "/2013-04-01/hostedzone/Z123/rrset", "ListResourceRecordSets")]
    [InlineData("GET", "/2013-04-01/change/C123", "GetChange")]
    [InlineData("GET", "/2013-04-01/hostedzone/Z123", "GetHostedZone")]
    public void Identify_Route53RestPath_Operation(string method, string path, string operation)
    {
        var call = Identify(method, path, service: "route53");

        Assert.Equal(("route53", operation, AwsProtocol.RestXml), (call.Service, call.Operation, call.Protocol));
    }

    [Theory]
    [InlineData("GET", "/GetImage", "?imageBuildVersionArn=arn%3Aaws%3Aimagebuilder%3Aus-east-1%3A123456789012%3Aimage%2Fshop%2F1.0.0%2F1", "GetImage")]
    [InlineData("POST", "/ListImageBuildVersions", "", "ListImageBuildVersions")]
    [InlineData("GET", "/", "", "Unknown")]
    public void Identify_ImageBuilderRestPath_OperationIsThePath(string method, string path, string query, string operation)
    {
        var call = Identify(method, path, service: "imagebuilder", query: query);

        Assert.Equal(("imagebuilder", operation, AwsProtocol.RestJson), (call.Service, call.Operation, call.Protocol));
    }

    [Theory]
    [InlineData("/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:ShiftTrafficFunction:live/invocations", "ShiftTrafficFunction")]
    [InlineData("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3AShiftTrafficFunction/invocations", "ShiftTrafficFunction")]
    [InlineData("/2015-03-31/functions/ShiftTrafficFunction:3/invocations", "ShiftTrafficFunction")]
    [InlineData("/2015-03-31/functions/123456789012:function:ShiftTrafficFunction/invocations", "ShiftTrafficFunction")]
    [InlineData("/2015-03-31/functions/ShiftTrafficFunction", null)]
    public void InvokedFunction_NameOrArn_LogicalIdWithoutQualifier(string path, string? expected) =>
        Assert.Equal(expected, AwsCallIdentifier.InvokedFunction(path));
}
