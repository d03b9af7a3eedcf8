using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.DynamoDb;
using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Locking;

/// <summary>
/// One deployment per AMI announced by an event: the first execution to claim the AMI deploys it;
/// any other (a duplicate event, an event and its retry, two rules) finds the claim and is ignored.
/// The claim is an item of the lock table keyed <c>image#&lt;ami-id&gt;</c>, which no application
/// name can be. It stays after the deployment ends (an AMI that was rolled back is not deployed
/// again by a late duplicate) and expires after <see cref="KeptFor"/> through the table's TTL.
/// Its attributes are not the lock's (<c>claimedBy</c>, not <c>holder</c>), so lock scans never see it.
/// </summary>
public sealed class ImageClaims(IAmazonDynamoDB dynamoDb, string table, TimeProvider time)
{
    public const string KeyPrefix = "image#";
    public const string ClaimedByAttribute = "claimedBy";
    public const string ClaimedAtAttribute = "claimedAt";
    public const string ApplicationAttribute = "claimedFor";
    public const string ExpiresAtAttribute = "expiresAt";

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    /// <summary>Claims the deployment's AMI for its execution (again, on a retry).</summary>
    /// <returns>Null when this execution holds the claim; otherwise the deployment that does.</returns>
    public async Task<ImageClaimHolder?> ClaimAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var holder = await ReadAsync(deployment.ImageId, cancellationToken);
            if (holder is not null)
            {
                return holder.ExecutionArn == deployment.ExecutionArn ? null : holder;
            }

            if (await TryPutAsync(deployment, cancellationToken))
            {
                log.Info("AMI {ImageId} claimed for this deployment", deployment.ImageId);
                return null;
            }

            // Another execution claimed it between our read and our write: read who.
        }

        return await ReadAsync(deployment.ImageId, cancellationToken);
    }

    /// <summary>Gives the claim up (only this execution's), so the AMI can be announced again
    /// once the application's lock is free.</summary>
    public async Task ReleaseAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDbCalls.RunAsync("DeleteItem", () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = table,
                Key = KeyOf(deployment.ImageId),
                ConditionExpression = "#claimedBy = :me",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#claimedBy"] = ClaimedByAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":me"] = new() { S = deployment.ExecutionArn } },
            }, cancellationToken));
            log.Info("Claim on AMI {ImageId} given up", deployment.ImageId);
        }
        catch (ConditionalCheckFailedException)
        {
            // Not ours (or gone): nothing to give up.
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(string imageId) =>
        LockItem.KeyOf(KeyPrefix + imageId);

    private async Task<ImageClaimHolder?> ReadAsync(string imageId, CancellationToken cancellationToken)
    {
        var response = await DynamoDbCalls.RunAsync("GetItem", () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = KeyOf(imageId),
            ConsistentRead = true,
        }, cancellationToken));
        var item = response.Item;
        if (item is null || !item.TryGetValue(ClaimedByAttribute, out var by) || by.S is null)
        {
            return null;
        }

        var at = item.TryGetValue(ClaimedAtAttribute, out var a) && DateTimeOffset.TryParse(a.S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        var deploymentId = item.TryGetValue(LockItem.DeploymentIdAttribute, out var d) ? d.S ?? "" : "";
        return new ImageClaimHolder(deploymentId, by.S, at);
    }

    private async Task<bool> TryPutAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var item = KeyOf(deployment.ImageId);
        item[ClaimedByAttribute] = new AttributeValue { S = deployment.ExecutionArn };
        item[ClaimedAtAttribute] = new AttributeValue { S = now.ToString("O", CultureInfo.InvariantCulture) };
        item[LockItem.DeploymentIdAttribute] = new AttributeValue { S = deployment.DeploymentId };
        item[ApplicationAttribute] = new AttributeValue { S = deployment.Application };
        item[ExpiresAtAttribute] = new AttributeValue { N = (now + KeptFor).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        try
        {
            await DynamoDbCalls.RunAsync("PutItem", () => dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = item,
                ConditionExpression = "attribute_not_exists(#key)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#key"] = LockItem.Key },
            }, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
