using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.DynamoDb;

/// <summary>
/// DynamoDB is handed out as the official client (<see cref="AwsClients.DynamoDb"/>): wrap each
/// call in <see cref="RunAsync"/> so that its service errors become our exception types, classified
/// by the same rules as every other service's (throttling and 5xx are transient, so a Lambda step
/// ends <c>Transient</c> and the state machine retries it). A failed condition is an answer, not a
/// failure: <see cref="ConditionalCheckFailedException"/> passes through for the caller to branch on.
/// </summary>
public static class DynamoDbCalls
{
    // Only its endpoint rules and name are needed: DynamoDB has no error codes of its own we act on.
    internal static readonly AwsService Service = new("DynamoDB", "DYNAMODB", "dynamodb", "dynamodb", new Dictionary<string, ErrorKind>());

    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException error) when (error is not ConditionalCheckFailedException)
        {
            throw SdkCalls.ToException(Service, operation, error);
        }
    }
}
