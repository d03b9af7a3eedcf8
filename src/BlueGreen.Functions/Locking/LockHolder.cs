using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BlueGreen.Functions.Locking;

/// <summary>
/// Who holds an application's lock, read from outside the workflow (<c>bluegreen status</c>): the
/// execution, since when, for which deployment and image, and the cleanup that owns it if the
/// holder was stopped. Reads only; the item's layout stays <see cref="LockItem"/>'s.
/// </summary>
public sealed record LockHolder(string Application, string ExecutionArn, DateTimeOffset AcquiredAt, string? DeploymentId, string? ImageId, string? CleanupBy)
{
    /// <summary>Null when the lock is free.</summary>
    public static async Task<LockHolder?> ReadAsync(IAmazonDynamoDB dynamoDb, string table, string application, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = LockItem.KeyOf(application),
            ConsistentRead = true,
        }, cancellationToken);
        return LockItem.From(response.Item) is { } item
            ? new LockHolder(item.Application, item.Holder, item.AcquiredAt, item.DeploymentId, item.ImageId, item.CleanupBy)
            : null;
    }
}
