using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>
/// Strict wire mode: checks a request against botocore's model of its service, read by the protocol
/// the request is sent in (so CloudWatch in Query and in JSON both check). A service with no model
/// (e.g. a misspelt signing name) is a violation too.
/// </summary>
internal static class WireChecker
{
    private static readonly IReadOnlyDictionary<AwsProtocol, IWireProtocol> Protocols = new Dictionary<AwsProtocol, IWireProtocol>
    {
        [AwsProtocol.Query] = new QueryWire(ec2: false),
        [AwsProtocol.Ec2Query] = new QueryWire(ec2: true),
        [AwsProtocol.Json] = new JsonWire(),
        [AwsProtocol.RestJson] = new RestJsonWire(),
        [AwsProtocol.RestXml] = new RestXmlWire(),
    };

    /// <summary>False when botocore's data cannot be found: strict mode then checks nothing.</summary>
    public static bool Available => BotocoreModels.Directory is not null;

    public static WireVerdict Check(AwsCall call, WireRequest request)
    {
        var botocoreName = BotocoreName(call.Service, request);
        if (!Protocols.TryGetValue(call.Protocol, out var protocol))
        {
            return new WireVerdict(call.Service, call.Operation, [new("(request)", "not recognisably Query, JSON, REST-JSON or REST-XML")]);
        }

        if (BotocoreModels.Get(botocoreName) is not { } model)
        {
            return new WireVerdict(call.Service, call.Operation, [new("(service)", $"botocore has no model for signing name '{call.Service}'")]);
        }

        return protocol.Check(model, request);
    }

    /// <summary>The botocore directory of a SigV4 signing name; ELB's classic and v2 APIs share one
    /// and differ by Version.</summary>
    private static string BotocoreName(string service, WireRequest request) => service switch
    {
        "elasticloadbalancing" => Version(request) == "2012-06-01" ? "elb" : "elbv2",
        "monitoring" => "cloudwatch",
        "states" => "stepfunctions",
        "execute-api" => "apigateway",
        var other => other,
    };

    private static string? Version(WireRequest request)
    {
        var form = request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? System.Text.Encoding.UTF8.GetString(request.Body)
            : request.QueryString;
        return QueryHelpers.ParseQuery(form).TryGetValue("Version", out var version) ? version.ToString() : null;
    }
}
