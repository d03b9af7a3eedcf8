using BlueGreen.Aws.Internal.Errors;

namespace BlueGreen.Aws.Internal.Http;

/// <summary>
/// What the plumbing needs to know about one service: how it is signed, where it lives and
/// which of its error codes mean what.
/// </summary>
/// <param name="Name">Name used in errors and logs, e.g. "AutoScaling".</param>
/// <param name="EndpointVariable">Suffix of its AWS_ENDPOINT_URL_ variable (the service id, upper snake case).</param>
/// <param name="SigningName">SigV4 service name (the credential scope).</param>
/// <param name="HostPrefix">First label of the regional host name.</param>
/// <param name="IsGlobal">One endpoint for the partition, signed for us-east-1 (Route 53).</param>
/// <param name="Refine">For services that report a kind only in the message (Auto Scaling says
/// "not found" inside a ValidationError); null when the code alone decides.</param>
internal sealed record AwsService(
    string Name,
    string EndpointVariable,
    string SigningName,
    string HostPrefix,
    IReadOnlyDictionary<string, ErrorKind> ErrorCodes,
    bool IsGlobal = false,
    Func<WireError, ErrorKind?>? Refine = null);
