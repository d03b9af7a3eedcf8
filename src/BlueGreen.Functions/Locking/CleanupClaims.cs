using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.DynamoDb;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Locking;

/// <summary>
/// Who cleans up after a stopped or timed-out deployment: the cleanup execution writes its ARN as
/// <c>cleanupBy</c> on the lock item the stopped execution still holds, conditioned on that holder
/// and on no other live claim. Two cleanups of one execution (the rule and <c>bluegreen abort</c>,
/// or a repeated event) therefore cannot both act; the second finds the first's ARN. A claim whose
/// cleanup has ended (it failed, the lock is kept) is taken over, so a cleanup can be run again.
/// </summary>
public sealed class CleanupClaims(IAmazonDynamoDB dynamoDb, IStepFunctions stepFunctions, string table, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<CleanupClaim> ClaimAsync(string application, string stopped, string cleanup, StepLog log, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // Look before writing: a cleanup with nothing to do sends no write at all.
            var current = await ReadAsync(application, cancellationToken);
            if (current is null || current.Holder != stopped)
            {
                return new CleanupClaim.NotHeld(current?.Holder);
            }

            string? previous = null;
            if (current.CleanupBy is { } other && other != cleanup)
            {
                if (await HolderStatus.DescribeAsync(stepFunctions, other, cancellationToken) is { Status: ExecutionStatus.Running })
                {
                    return new CleanupClaim.ClaimedByOther(other);
                }

                log.Warn("Cleanup {Other} of {Stopped} has ended without freeing the lock: {Cleanup} takes the cleanup over", other, stopped, cleanup);
                previous = other;
            }

            if (await TryClaimAsync(application, stopped, cleanup, previous, cancellationToken))
            {
                log.Info("Cleanup of {Stopped} claimed by {Cleanup} on the lock of {Application}", stopped, cleanup, application);
                return new CleanupClaim.Claimed(previous);
            }

            // The item changed between our read and write (another cleanup claimed it): look again.
        }

        throw new InvalidOperationException($"The lock on {application} kept changing during {Attempts} attempts to claim the cleanup of {stopped}.");
    }

    /// <summary>Frees the lock held by <paramref name="stopped"/>, only while <paramref name="cleanup"/> holds the claim.</summary>
    /// <returns>False when the item is no longer the stopped execution's with this claim (nothing deleted).</returns>
    public async Task<bool> ReleaseAsync(string application, string stopped, string cleanup, CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDbCalls.RunAsync("DeleteItem", () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = table,
                Key = LockItem.KeyOf(application),
                ConditionExpression = "#holder = :stopped AND #cleanupBy = :me",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#holder"] = LockItem.HolderAttribute, ["#cleanupBy"] = LockItem.CleanupByAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":stopped"] = new() { S = stopped }, [":me"] = new() { S = cleanup } },
            }, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The lock <paramref name="stopped"/> still holds and the cleanup claimed on it, if any
    /// (what `bluegreen abort` waits for); null when it holds no lock.</summary>
    public async Task<StoppedLock?> FindAsync(string stopped, CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await DynamoDbCalls.RunAsync("Scan", () => dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = table,
                FilterExpression = "#holder = :stopped",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#holder"] = LockItem.HolderAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":stopped"] = new() { S = stopped } },
                ExclusiveStartKey = start,
                ConsistentRead = true,
            }, cancellationToken));
            if (page.Items?.Select(LockItem.From).FirstOrDefault(i => i is not null) is { } item)
            {
                return new StoppedLock(item.Application, item.CleanupBy);
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return null;
    }

    private async Task<bool> TryClaimAsync(string application, string stopped, string cleanup, string? previous, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":stopped"] = new() { S = stopped },
            [":me"] = new() { S = cleanup },
            [":at"] = new() { S = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
        };
        if (previous is not null)
        {
            values[":previous"] = new() { S = previous };
        }

        try
        {
            await DynamoDbCalls.RunAsync("UpdateItem", () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = LockItem.KeyOf(application),
                UpdateExpression = "SET #cleanupBy = :me, #cleanupAt = :at",
                ConditionExpression = previous is null
                    ? "#holder = :stopped AND (attribute_not_exists(#cleanupBy) OR #cleanupBy = :me)"
                    : "#holder = :stopped AND #cleanupBy = :previous",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#holder"] = LockItem.HolderAttribute, ["#cleanupBy"] = LockItem.CleanupByAttribute, ["#cleanupAt"] = LockItem.CleanupStartedAtAttribute,
                },
                ExpressionAttributeValues = values,
            }, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private Task<LockItem?> ReadAsync(string application, CancellationToken cancellationToken) =>
        LockItem.ReadAsync(dynamoDb, table, application, cancellationToken);
}

/// <summary>A lock still held by a stopped execution, and who cleans it up (null: nobody yet).</summary>
public sealed record StoppedLock(string Application, string? CleanupBy);
