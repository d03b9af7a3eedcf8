using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BlueGreen.Functions.Rollback;

/// <summary>Releases the application's deployment lock, only if this execution holds it
/// (conditional delete on <c>holder</c>); a lock held by anyone else is left alone.</summary>
public sealed class LockRelease(IAmazonDynamoDB dynamoDb, string table)
{
    public const string KeyAttribute = "application";
    public const string HolderAttribute = "holder";

    /// <returns>True when this call released it; false when it was free or someone else's.</returns>
    public async Task<bool> ReleaseAsync(string application, string holder, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = table,
                    Key = new Dictionary<string, AttributeValue> { [KeyAttribute] = new() { S = application } },
                    ConditionExpression = "#holder = :holder",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#holder"] = HolderAttribute },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":holder"] = new() { S = holder } },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
