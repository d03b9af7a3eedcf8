using System.Globalization;
using Amazon.Runtime;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.Internal.Errors;

/// <summary>
/// Calls into an official SDK client with its service errors turned into our exception types,
/// so callers handle EC2 and SSM failures exactly like those of the hand-made clients.
/// </summary>
internal static class SdkCalls
{
    public static async Task<T> RunAsync<T>(AwsService service, string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException e) when (e.ErrorCode is not null)
        {
            throw ToException(service, operation, e);
        }
    }

    /// <summary>The SDK's error classified by <see cref="ErrorMapper"/>; without an error code
    /// (a bare 5xx or 429), by its status alone.</summary>
    public static AwsServiceException ToException(AwsService service, string operation, AmazonServiceException error) =>
        ErrorMapper.ToException(
            service,
            operation,
            error.StatusCode,
            new WireError(error.ErrorCode ?? ((int)error.StatusCode).ToString(CultureInfo.InvariantCulture), error.Message, error.RequestId));
}
