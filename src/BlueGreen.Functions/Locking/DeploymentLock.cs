using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.DynamoDb;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Locking;

/// <summary>
/// One deployment per application: an item in the lock table keyed by application, holding the
/// execution ARN. Every write is conditional, so two executions racing for the lock (or for a
/// stale one) cannot both win. A holder that was stopped or timed out is not stale: its cleanup
/// (RecoverStoppedDeployment) frees the lock. The item is the only thing this class writes.
/// </summary>
public sealed class DeploymentLock(IAmazonDynamoDB dynamoDb, IStepFunctions stepFunctions, string table, TimeProvider time)
{
    // Free → taken; stale → taken over; at most one race lost per step before the answer is certain.
    private const int Attempts = 4;

    public async Task<LockHeld> AcquireAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        var me = deployment.ExecutionArn;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var current = await ReadAsync(deployment.Application, cancellationToken);
            if (current is null)
            {
                var item = NewItem(deployment, takenOverFrom: null);
                if (await TryPutAsync(item, "attribute_not_exists(#key)", null, cancellationToken))
                {
                    log.Info("Lock on {Application} acquired by {Holder}", deployment.Application, me);
                    return Held(item);
                }

                continue;
            }

            if (current.Holder == me)
            {
                log.Info("Lock on {Application} already held by this execution since {AcquiredAt}", deployment.Application, current.AcquiredAt);
                return Held(current);
            }

            var holder = await HolderStatus.DescribeAsync(stepFunctions, current.Holder, cancellationToken);
            if (holder is { Status: ExecutionStatus.Running })
            {
                throw Locked(deployment.Application, current, holder);
            }

            if (holder is not null && HolderStatus.AwaitsCleanup(holder))
            {
                // Its green, its traffic weights and its lock are still there: taking over would leave them.
                throw AwaitingCleanup(deployment.Application, current, holder);
            }

            var takeover = NewItem(deployment, takenOverFrom: current.Holder);
            if (await TryPutAsync(takeover, "#holder = :stale", current.Holder, cancellationToken))
            {
                log.Warn("Lock on {Application} taken over from {StaleHolder}, which is no longer running", deployment.Application, current.Holder);
                return Held(takeover);
            }

            // Someone else changed the item between our read and write: look again.
        }

        throw new InvalidOperationException($"The lock on {deployment.Application} kept changing during {Attempts} attempts to take it.");
    }

    /// <summary>Deletes the lock only while this execution holds it: a lock taken over by another
    /// execution is left alone. ReleaseLock counts <see cref="LockRelease.AlreadyFree"/> as done;
    /// RollBack reports only <see cref="LockRelease.Released"/> as a change it made.</summary>
    public async Task<LockRelease> ReleaseAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        try
        {
            var response = await DynamoDbCalls.RunAsync("DeleteItem", () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = table,
                Key = LockItem.KeyOf(deployment.Application),
                ConditionExpression = "attribute_not_exists(#key) OR #holder = :me",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#key"] = LockItem.Key, ["#holder"] = LockItem.HolderAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":me"] = new AttributeValue { S = deployment.ExecutionArn } },
                // The deleted item comes back: it tells a release from a lock that was already free.
                ReturnValues = ReturnValue.ALL_OLD,
            }, cancellationToken));
            if (response.Attributes is { Count: > 0 })
            {
                log.Info("Lock on {Application} released", deployment.Application);
                return LockRelease.Released;
            }

            log.Info("Lock on {Application} already free", deployment.Application);
            return LockRelease.AlreadyFree;
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await ReadAsync(deployment.Application, cancellationToken);
            log.Warn(
                "Lock on {Application} is held by {Holder} since {AcquiredAt}, not by this execution: left in place",
                deployment.Application, current?.Holder, current?.AcquiredAt);
            return LockRelease.HeldByAnother;
        }
    }

    private LockItem NewItem(Deployment deployment, string? takenOverFrom) =>
        new(deployment.Application, deployment.ExecutionArn, time.GetUtcNow(), deployment.DeploymentId, deployment.ImageId, takenOverFrom);

    private static LockHeld Held(LockItem item) => new(item.Application, item.Holder, item.AcquiredAt, item.TakenOverFrom);

    private Task<LockItem?> ReadAsync(string application, CancellationToken cancellationToken) =>
        LockItem.ReadAsync(dynamoDb, table, application, cancellationToken);

    private async Task<bool> TryPutAsync(LockItem item, string condition, string? staleHolder, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#key"] = LockItem.Key };
        Dictionary<string, AttributeValue>? values = null;
        if (staleHolder is not null)
        {
            names = new Dictionary<string, string> { ["#holder"] = LockItem.HolderAttribute };
            values = new Dictionary<string, AttributeValue> { [":stale"] = new AttributeValue { S = staleHolder } };
        }

        try
        {
            await DynamoDbCalls.RunAsync("PutItem", () => dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = item.ToAttributes(),
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            }, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static DeploymentLocked AwaitingCleanup(string application, LockItem current, Execution stopped)
    {
        var ending = stopped.Status == ExecutionStatus.TimedOut ? "timed out" : "was stopped";
        var at = (stopped.StoppedAt ?? current.AcquiredAt).ToString("u", CultureInfo.InvariantCulture);
        var cleanup = current.CleanupBy is { } by
            ? $"its cleanup {by} is rolling it back (or ended without freeing the lock: then see that execution)"
            : "its cleanup has not started yet";
        return new DeploymentLocked(
            $"The previous deployment of {application}, execution {current.Holder}, {ending} at {at} and still holds the lock: {cleanup}. "
            + $"The lock is freed once its traffic is back on blue and its green is removed. Wait for that, or run the cleanup now: bluegreen abort {current.Holder}",
            new JsonObject
            {
                ["holder"] = current.Holder,
                ["holderStatus"] = stopped.Status == ExecutionStatus.TimedOut ? "TIMED_OUT" : "ABORTED",
                ["cleanupBy"] = current.CleanupBy,
                ["deploymentId"] = current.DeploymentId,
                ["imageId"] = current.ImageId,
            });
    }

    private static DeploymentLocked Locked(string application, LockItem current, Execution running)
    {
        var since = running.StartedAt ?? current.AcquiredAt;
        var sinceText = since.ToString("u", CultureInfo.InvariantCulture);
        return new DeploymentLocked(
            $"Another deployment of {application} is running: execution {current.Holder}, started {sinceText}, holds the lock. "
            + "Wait for it to end; once it is no longer running, the next deployment takes the lock over. (To end it now, bluegreen abort <execution> stops it and rolls it back.)",
            new JsonObject
            {
                ["holder"] = current.Holder,
                ["since"] = since.ToString("O", CultureInfo.InvariantCulture),
                ["deploymentId"] = current.DeploymentId,
                ["imageId"] = current.ImageId,
            });
    }
}
