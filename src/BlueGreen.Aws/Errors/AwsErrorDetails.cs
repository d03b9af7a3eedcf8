using System.Net;

namespace BlueGreen.Aws.Errors;

/// <summary>What an AWS error response said, whatever its wire format.</summary>
public sealed record AwsErrorDetails(
    string Service,
    string Operation,
    string Code,
    string Message,
    HttpStatusCode StatusCode,
    string? RequestId);
