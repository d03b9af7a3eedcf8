using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>
/// Names a request's service (SigV4 credential scope) and operation (X-Amz-Target for JSON
/// protocols, Action for Query protocols, the REST path for Lambda, Route 53 and Image Builder).
/// </summary>
internal static partial class AwsCallIdentifier
{
    public const string UnknownOperation = "Unknown";

    public static AwsCall Identify(HttpRequest request, byte[] body)
    {
        var (service, region) = CredentialScope(request.Headers.Authorization.ToString());
        var path = request.Path.Value ?? "/";

        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var operation = target[(target.LastIndexOf('.') + 1)..];
            var queryCompatible = request.Headers.ContainsKey("x-amzn-query-mode");
            return new AwsCall(service ?? ServiceFromTarget(target), operation, region, AwsProtocol.Json, queryCompatible);
        }

        var action = QueryAction(request, body);
        if (action is not null)
        {
            service ??= "unknown";
            return new AwsCall(service, action, region, service == "ec2" ? AwsProtocol.Ec2Query : AwsProtocol.Query);
        }

        if (service == "imagebuilder")
        {
            // REST-JSON with the operation as the path: GET /GetImage?…, POST /ListImageBuildVersions.
            var operation = path.Trim('/') is { Length: > 0 } name && !name.Contains('/') ? name : UnknownOperation;
            return new AwsCall(service, operation, region, AwsProtocol.RestJson);
        }

        if (LambdaPath().Match(path) is { Success: true } lambda)
        {
            var operation = lambda.Groups["rest"].Value switch
            {
                "/invocations" when HttpMethods.IsPost(request.Method) => "Invoke",
                "" when HttpMethods.IsGet(request.Method) && lambda.Groups["name"].Success => "GetFunction",
                "" when HttpMethods.IsGet(request.Method) => "ListFunctions",
                _ => UnknownOperation,
            };
            return new AwsCall(service ?? "lambda", operation, region, AwsProtocol.RestJson);
        }

        if (path.StartsWith("/2013-04-01/", StringComparison.Ordinal))
        {
            return new AwsCall(service ?? "route53", Route53Operation(request.Method, path), region, AwsProtocol.RestXml);
        }

        return new AwsCall(service ?? "unknown", UnknownOperation, region, AwsProtocol.Unknown);
    }

    /// <summary>The function name in an invoke path: from an ARN or a plain name, qualifier dropped.</summary>
    public static string? InvokedFunction(string path)
    {
        var match = LambdaPath().Match(path);
        if (!match.Success || match.Groups["rest"].Value != "/invocations" || !match.Groups["name"].Success)
        {
            return null;
        }

        return FunctionName(Uri.UnescapeDataString(match.Groups["name"].Value));
    }

    public static string FunctionName(string nameOrArn)
    {
        // arn:aws:lambda:us-east-1:123456789012:function:Name[:qualifier], 123456789012:function:Name, Name[:qualifier]
        var parts = nameOrArn.Split(':');
        var function = Array.IndexOf(parts, "function");
        return function >= 0 && function + 1 < parts.Length ? parts[function + 1] : parts[0];
    }

    private static (string? Service, string Region) CredentialScope(string authorization)
    {
        var match = Scope().Match(authorization);
        return match.Success ? (match.Groups["service"].Value, match.Groups["region"].Value) : (null, "us-east-1");
    }

    private static string ServiceFromTarget(string target) => target.Split('.')[0] switch
    {
        var t when t.StartsWith("AWSStepFunctions", StringComparison.Ordinal) => "states",
        var t when t.StartsWith("DynamoDB", StringComparison.Ordinal) => "dynamodb",
        var t when t.StartsWith("CodeDeploy", StringComparison.Ordinal) => "codedeploy",
        var t when t.StartsWith("AmazonSSM", StringComparison.Ordinal) => "ssm",
        var t when t.StartsWith("GraniteService", StringComparison.Ordinal) => "monitoring",
        var t when t.StartsWith("AWSEvents", StringComparison.Ordinal) => "events",
        var t => t,
    };

    private static string? QueryAction(HttpRequest request, byte[] body)
    {
        if (request.Query.TryGetValue("Action", out var fromQuery) && fromQuery.Count > 0)
        {
            return fromQuery[0];
        }

        var contentType = request.ContentType ?? string.Empty;
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return form.TryGetValue("Action", out var action) && action.Count > 0 ? action[0] : null;
    }

    private static string Route53Operation(string method, string path)
    {
        var segments = path["/2013-04-01/".Length..].Trim('/').Split('/');
        var get = HttpMethods.IsGet(method);
        var post = HttpMethods.IsPost(method);
        var delete = HttpMethods.IsDelete(method);
        return segments switch
        {
            ["hostedzone"] when get => "ListHostedZones",
            ["hostedzone"] when post => "CreateHostedZone",
            ["hostedzone", _] when get => "GetHostedZone",
            ["hostedzone", _] when delete => "DeleteHostedZone",
            ["hostedzone", _, "rrset"] when post => "ChangeResourceRecordSets",
            ["hostedzone", _, "rrset"] when get => "ListResourceRecordSets",
            ["hostedzonesbyname"] => "ListHostedZonesByName",
            ["hostedzonecount"] => "GetHostedZoneCount",
            ["change", _] => "GetChange",
            ["healthcheck"] when post => "CreateHealthCheck",
            ["healthcheck"] when get => "ListHealthChecks",
            ["healthcheck", _] when get => "GetHealthCheck",
            ["healthcheck", _] when delete => "DeleteHealthCheck",
            ["healthcheck", _, "status"] => "GetHealthCheckStatus",
            ["tags", _, _] when get => "ListTagsForResource",
            ["tags", _, _] when post => "ChangeTagsForResource",
            _ => UnknownOperation,
        };
    }

    [GeneratedRegex(@"Credential=[^/]*/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex Scope();

    [GeneratedRegex(@"^/2015-03-31/functions(/(?<name>[^/]+))?(?<rest>/invocations)?/?$")]
    private static partial Regex LambdaPath();
}
