using System.Security;
using System.Text.Json;
using BlueGreen.Local.Faults;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>Injected errors in the shape each protocol's SDKs parse, with the service's own codes.</summary>
internal static class ErrorResponses
{
    public static BufferedResponse For(AwsCall call, OperationFaultKind kind) => kind switch
    {
        OperationFaultKind.Throttle => Throttling(call),
        _ => ServerError(call),
    };

    private static BufferedResponse Throttling(AwsCall call) => call.Protocol switch
    {
        AwsProtocol.Ec2Query => Ec2(503, "RequestLimitExceeded", "Request limit exceeded."),
        AwsProtocol.Json when call.QueryCompatibleJson => Json(400, "ThrottlingException", "Rate exceeded", "Throttling;Sender"),
        AwsProtocol.Json => Json(400, "ThrottlingException", "Rate exceeded"),
        AwsProtocol.RestJson when call.Service == "imagebuilder" => RestJson(429, "CallRateLimitExceededException", "Rate exceeded"),
        AwsProtocol.RestJson => RestJson(429, "TooManyRequestsException", "Rate exceeded"),
        AwsProtocol.RestXml => Xml(400, "https://route53.amazonaws.com/doc/2013-04-01/", "Sender", "Throttling", "Rate exceeded"),
        _ => Xml(400, null, "Sender", "Throttling", "Rate exceeded"),
    };

    private static BufferedResponse ServerError(AwsCall call)
    {
        const string message = "An internal error occurred (injected by the local cloud).";
        return call.Protocol switch
        {
            AwsProtocol.Ec2Query => Ec2(500, "InternalError", message),
            AwsProtocol.Json when call.QueryCompatibleJson => Json(500, "InternalFailure", message, "InternalFailure;Receiver"),
            AwsProtocol.Json => Json(500, "InternalFailure", message),
            AwsProtocol.RestJson => RestJson(500, "ServiceException", message),
            AwsProtocol.RestXml => Xml(500, "https://route53.amazonaws.com/doc/2013-04-01/", "Receiver", "InternalFailure", message),
            _ => Xml(500, null, "Receiver", "InternalFailure", message),
        };
    }

    /// <summary>Strict wire mode's refusal: 400 <c>BlueGreenWireViolation</c> in the call's protocol, never retried.</summary>
    public static BufferedResponse WireViolation(AwsCall call, string message) => call.Protocol switch
    {
        AwsProtocol.Ec2Query => Ec2(400, WireChecks.ErrorCode, message),
        AwsProtocol.Json => Json(400, WireChecks.ErrorCode, message),
        AwsProtocol.RestJson => RestJson(400, WireChecks.ErrorCode, message),
        AwsProtocol.RestXml => Xml(400, "https://route53.amazonaws.com/doc/2013-04-01/", "Sender", WireChecks.ErrorCode, message),
        _ => Xml(400, null, "Sender", WireChecks.ErrorCode, message),
    };

    public static BufferedResponse RestJson(int status, string code, string message)
    {
        var response = BufferedResponse.Text(status, "application/json", JsonSerializer.Serialize(new { Type = "User", Message = message }));
        response.Headers.Add(new("x-amzn-ErrorType", code));
        return response;
    }

    private static BufferedResponse Json(int status, string code, string message, string? queryError = null)
    {
        var response = BufferedResponse.Text(status, "application/x-amz-json-1.0", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = code,
            ["message"] = message,
        }));
        if (queryError is not null)
        {
            response.Headers.Add(new("x-amzn-query-error", queryError));
        }

        return response;
    }

    private static BufferedResponse Xml(int status, string? ns, string type, string code, string message)
    {
        var xmlns = ns is null ? string.Empty : $" xmlns=\"{ns}\"";
        return BufferedResponse.Text(status, "text/xml",
            $"<ErrorResponse{xmlns}><Error><Type>{type}</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>");
    }

    private static BufferedResponse Ec2(int status, string code, string message) =>
        BufferedResponse.Text(status, "text/xml",
            $"<Response><Errors><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>");
}
