using Amazon.Runtime;
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
            throw ErrorMapper.ToException(service, operation, e.StatusCode, new WireError(e.ErrorCode, e.Message, e.RequestId));
        }
    }
}
