using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.DynamoDb;

namespace BlueGreen.Functions.Locking;

/// <summary>The lock table's item for one application: who holds it, since when, for what.</summary>
internal sealed record LockItem(string Application, string Holder, DateTimeOffset AcquiredAt, string? DeploymentId, string? ImageId, string? TakenOverFrom)
{
    public const string Key = "application";
    public const string HolderAttribute = "holder";
    public const string AcquiredAtAttribute = "acquiredAt";
    public const string DeploymentIdAttribute = "deploymentId";
    public const string ImageIdAttribute = "imageId";
    public const string TakenOverFromAttribute = "takenOverFrom";
    public const string CleanupByAttribute = "cleanupBy";
    public const string CleanupStartedAtAttribute = "cleanupStartedAt";

    /// <summary>The execution cleaning up after this holder was stopped or timed out (see <see cref="CleanupClaims"/>).</summary>
    public string? CleanupBy { get; init; }

    public static Dictionary<string, AttributeValue> KeyOf(string application) =>
        new() { [Key] = new AttributeValue { S = application } };

    public Dictionary<string, AttributeValue> ToAttributes()
    {
        var item = KeyOf(Application);
        item[HolderAttribute] = new AttributeValue { S = Holder };
        item[AcquiredAtAttribute] = new AttributeValue { S = AcquiredAt.ToString("O", CultureInfo.InvariantCulture) };
        Add(item, DeploymentIdAttribute, DeploymentId);
        Add(item, ImageIdAttribute, ImageId);
        Add(item, TakenOverFromAttribute, TakenOverFrom);
        return item;
    }

    /// <summary>The application's item, read consistently; null when the lock is free.</summary>
    public static async Task<LockItem?> ReadAsync(IAmazonDynamoDB dynamoDb, string table, string application, CancellationToken cancellationToken)
    {
        var response = await DynamoDbCalls.RunAsync("GetItem", () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = KeyOf(application),
            ConsistentRead = true,
        }, cancellationToken));
        return From(response.Item);
    }

    /// <summary>Null when the table has no item (the lock is free).</summary>
    public static LockItem? From(Dictionary<string, AttributeValue>? item)
    {
        if (item is null || item.Count == 0 || Text(item, HolderAttribute) is not { } holder)
        {
            return null;
        }

        var acquiredAt = DateTimeOffset.TryParse(Text(item, AcquiredAtAttribute), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
        return new LockItem(Text(item, Key) ?? "", holder, acquiredAt, Text(item, DeploymentIdAttribute), Text(item, ImageIdAttribute), Text(item, TakenOverFromAttribute))
        {
            CleanupBy = Text(item, CleanupByAttribute),
        };
    }

    private static void Add(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = new AttributeValue { S = value };
        }
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;
}
