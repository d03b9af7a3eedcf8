using Amazon.DynamoDBv2.Model;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>Builds workflow states for new applications the way the state machine does
/// (NormalizeRequest first, via <see cref="WorkflowStates"/>); reads and writes the lock table.</summary>
public sealed class LockStates(FunctionsCloud cloud)
{
    // One untagged AMI of our own serves every lock test (making one runs an instance).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FunctionsCloud, Task<string>> Images = new();

    /// <summary>A WorkflowState after NormalizeRequest for a new application with swap settings.</summary>
    public async Task<WorkflowState> NewApplicationAsync(string executionArn)
    {
        var application = "app-" + Guid.NewGuid().ToString("N")[..8];
        await cloud.PutSettingsAsync(application, $$"""
            { "liveGroup": "{{application}}-blue", "strategy": "swap",
              "targetGroupArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{{application}}/0123456789abcdef"] }
            """);
        var image = await Images.GetValue(cloud, c => c.CreateOwnImageAsync(new Dictionary<string, string>()));
        return await NormalizedAsync(application, image, executionArn);
    }

    /// <summary>The WorkflowState after NormalizeRequest for this application, image and execution.</summary>
    public async Task<WorkflowState> NormalizedAsync(string application, string imageId, string executionArn)
    {
        var executionName = executionArn[(executionArn.LastIndexOf(':') + 1)..];
        return new WorkflowState { Deployment = await WorkflowStates.NormalizeAsync(cloud, application, imageId, executionName, executionArn) };
    }

    /// <summary>An execution ARN of the deployed state machine that no execution has (for states whose holder does not matter).</summary>
    public static string UnstartedExecutionArn() =>
        $"arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:test-{Guid.NewGuid():N}";

    /// <summary>The lock item's attributes, or null when the lock is free.</summary>
    public async Task<Dictionary<string, string>?> LockItemAsync(string application)
    {
        var response = await cloud.Aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = cloud.Services.Settings.RequireLockTable(),
            Key = new Dictionary<string, AttributeValue> { ["application"] = new AttributeValue { S = application } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item.ToDictionary(a => a.Key, a => a.Value.S) : null;
    }

    /// <summary>Puts a lock item by hand, as an earlier execution would have left it.</summary>
    public async Task PutLockAsync(string application, string holder, DateTimeOffset acquiredAt)
    {
        await cloud.Aws.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = cloud.Services.Settings.RequireLockTable(),
            Item = new Dictionary<string, AttributeValue>
            {
                ["application"] = new AttributeValue { S = application },
                ["holder"] = new AttributeValue { S = holder },
                ["acquiredAt"] = new AttributeValue { S = acquiredAt.ToString("O") },
            },
        });
    }
}
