using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.DynamoDb;

namespace BlueGreen.Functions.Locking;

/// <summary>
/// The approval task token, kept on the deployment's lock item so that whoever answers finds it by
/// execution, and so that it goes away with the lock. Written only while this execution holds the
/// lock; read back by execution ARN (the table holds one item per application, so a scan is small).
/// </summary>
public sealed class ApprovalTokens(IAmazonDynamoDB dynamoDb, string table)
{
    public const string TokenAttribute = "approvalToken";
    public const string RequestedAtAttribute = "approvalRequestedAt";

    /// <returns>False when this execution does not hold the application's lock (nothing written).</returns>
    public async Task<bool> StoreAsync(string application, string executionArn, string token, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDbCalls.RunAsync("UpdateItem", () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = LockItem.KeyOf(application),
                UpdateExpression = "SET #token = :token, #at = :at",
                ConditionExpression = "#holder = :me",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#token"] = TokenAttribute, ["#at"] = RequestedAtAttribute, ["#holder"] = LockItem.HolderAttribute,
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":token"] = new() { S = token },
                    [":at"] = new() { S = requestedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                    [":me"] = new() { S = executionArn },
                },
            }, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The approval <paramref name="executionArn"/> waits for, or null.</summary>
    public async Task<PendingApproval?> FindAsync(string executionArn, CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await DynamoDbCalls.RunAsync("Scan", () => dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = table,
                FilterExpression = "#holder = :me AND attribute_exists(#token)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#holder"] = LockItem.HolderAttribute, ["#token"] = TokenAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":me"] = new() { S = executionArn } },
                ExclusiveStartKey = start,
                ConsistentRead = true,
            }, cancellationToken));
            if (page.Items?.FirstOrDefault() is { } item)
            {
                return new PendingApproval(item[LockItem.Key].S, item[TokenAttribute].S);
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return null;
    }

    /// <summary>Removes the token once answered, only if it is still the one answered (a retried
    /// request may have stored a newer one).</summary>
    public async Task ForgetAsync(PendingApproval pending, CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDbCalls.RunAsync("UpdateItem", () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = LockItem.KeyOf(pending.Application),
                UpdateExpression = "REMOVE #token, #at",
                ConditionExpression = "#token = :token",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#token"] = TokenAttribute, ["#at"] = RequestedAtAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":token"] = new() { S = pending.Token } },
            }, cancellationToken));
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer token, or the lock already released: nothing of ours to remove.
        }
    }
}

/// <summary>An approval an execution waits for: its application's lock item holds the token.</summary>
public sealed record PendingApproval(string Application, string Token)
{
    // The token answers the task: keep it out of logs and messages that print the record.
    public override string ToString() => $"PendingApproval {{ Application = {Application} }}";
}
