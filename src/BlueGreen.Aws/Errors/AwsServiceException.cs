using System.Net;

namespace BlueGreen.Aws.Errors;

/// <summary>
/// An AWS service answered with an error. Subclasses name the kinds callers act on; anything
/// else arrives as this type with the service's own <see cref="Code"/>.
/// </summary>
public class AwsServiceException(AwsErrorDetails details)
    : Exception($"{details.Service}.{details.Operation} failed: {details.Code}: {details.Message} (HTTP {(int)details.StatusCode}, request {details.RequestId ?? "unknown"})")
{
    public string Service => details.Service;

    public string Operation => details.Operation;

    /// <summary>The service's error code, e.g. "ValidationError" or "ExecutionDoesNotExist".</summary>
    public string Code => details.Code;

    public string ErrorMessage => details.Message;

    public HttpStatusCode StatusCode => details.StatusCode;

    public string? RequestId => details.RequestId;

    /// <summary>Worth trying again unchanged: throttling and server-side failures.</summary>
    public virtual bool IsTransient => false;
}
