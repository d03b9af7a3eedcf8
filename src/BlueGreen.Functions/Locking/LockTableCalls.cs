using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BlueGreen.Core.Errors;

namespace BlueGreen.Functions.Locking;

/// <summary>
/// DynamoDB comes as the official client, whose errors the hosting layer does not classify: a
/// throttled or failing lock table (after the SDK's own retries) becomes <see cref="Transient"/>
/// here, so the state machine's Retry repeats the step, as it does for every other service.
/// </summary>
internal static class LockTableCalls
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded", "InternalServerError",
    };

    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException error) when (error is not ConditionalCheckFailedException && IsTransient(error))
        {
            throw new Transient($"DynamoDB {operation} answered {error.ErrorCode ?? ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {error.Message}", innerException: error);
        }
    }

    private static bool IsTransient(AmazonServiceException error) =>
        (int)error.StatusCode >= 500 || error.StatusCode == HttpStatusCode.TooManyRequests || (error.ErrorCode is { } code && ThrottlingCodes.Contains(code));
}
