using System.Net;
using BlueGreen.Aws.Errors;

namespace BlueGreen.Aws.Internal.Errors;

/// <summary>
/// Turns a service error into a typed exception. Codes shared by most AWS services are listed
/// here; each service adds its own (e.g. TargetGroupNotFound) in its <see cref="Http.AwsService"/>.
/// </summary>
internal static class ErrorMapper
{
    private static readonly Dictionary<string, ErrorKind> CommonCodes = new(StringComparer.Ordinal)
    {
        // Throttling codes the AWS SDKs retry (botocore retry-config / SDK standard mode).
        ["Throttling"] = ErrorKind.Throttled,
        ["ThrottlingException"] = ErrorKind.Throttled,
        ["ThrottledException"] = ErrorKind.Throttled,
        ["RequestThrottledException"] = ErrorKind.Throttled,
        ["RequestThrottled"] = ErrorKind.Throttled,
        ["TooManyRequestsException"] = ErrorKind.Throttled,
        ["ProvisionedThroughputExceededException"] = ErrorKind.Throttled,
        ["TransactionInProgressException"] = ErrorKind.Throttled,
        ["RequestLimitExceeded"] = ErrorKind.Throttled,
        ["BandwidthLimitExceeded"] = ErrorKind.Throttled,
        ["SlowDown"] = ErrorKind.Throttled,
        ["PriorRequestNotComplete"] = ErrorKind.Throttled,
        ["EC2ThrottledException"] = ErrorKind.Throttled,
        ["InternalFailure"] = ErrorKind.ServiceUnavailable,
        ["InternalError"] = ErrorKind.ServiceUnavailable,
        ["InternalServerError"] = ErrorKind.ServiceUnavailable,
        ["ServiceUnavailable"] = ErrorKind.ServiceUnavailable,
        ["ServiceUnavailableException"] = ErrorKind.ServiceUnavailable,
        ["AccessDenied"] = ErrorKind.AccessDenied,
        ["AccessDeniedException"] = ErrorKind.AccessDenied,
        ["UnauthorizedOperation"] = ErrorKind.AccessDenied,
        ["UnrecognizedClientException"] = ErrorKind.AccessDenied,
        ["InvalidClientTokenId"] = ErrorKind.AccessDenied,
        ["SignatureDoesNotMatch"] = ErrorKind.AccessDenied,
        ["IncompleteSignature"] = ErrorKind.AccessDenied,
        ["InvalidSignatureException"] = ErrorKind.AccessDenied,
        ["MissingAuthenticationToken"] = ErrorKind.AccessDenied,
        ["ExpiredToken"] = ErrorKind.AccessDenied,
        ["ExpiredTokenException"] = ErrorKind.AccessDenied,
        ["ValidationError"] = ErrorKind.Validation,
        ["ValidationException"] = ErrorKind.Validation,
        ["InvalidParameterValue"] = ErrorKind.Validation,
        ["InvalidParameterCombination"] = ErrorKind.Validation,
        ["InvalidParameterException"] = ErrorKind.Validation,
        ["MissingParameter"] = ErrorKind.Validation,
        ["MalformedQueryString"] = ErrorKind.Validation,
        ["SerializationException"] = ErrorKind.Validation,
        ["InvalidInput"] = ErrorKind.Validation,
        ["InvalidAction"] = ErrorKind.Validation,
    };

    public static AwsServiceException ToException(Http.AwsService service, string operation, HttpStatusCode status, WireError error)
    {
        var details = new AwsErrorDetails(service.Name, operation, error.Code, error.Message, status, error.RequestId);
        return (service.Refine?.Invoke(error) ?? Classify(service, error.Code, status)) switch
        {
            ErrorKind.Throttled => new AwsThrottledException(details),
            ErrorKind.ServiceUnavailable => new AwsServiceUnavailableException(details),
            ErrorKind.NotFound => new AwsNotFoundException(details),
            ErrorKind.AlreadyExists => new AwsAlreadyExistsException(details),
            ErrorKind.Validation => new AwsValidationException(details),
            ErrorKind.AccessDenied => new AwsAccessDeniedException(details),
            _ => new AwsServiceException(details),
        };
    }

    private static ErrorKind Classify(Http.AwsService service, string code, HttpStatusCode status)
    {
        if (service.ErrorCodes.TryGetValue(code, out var kind) || CommonCodes.TryGetValue(code, out kind))
        {
            return kind;
        }

        return (int)status switch
        {
            429 => ErrorKind.Throttled,
            >= 500 => ErrorKind.ServiceUnavailable,
            _ => ErrorKind.Other,
        };
    }
}
