using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>Builds workflow states the way the state machine does (NormalizeRequest first) and
/// invokes handlers through their stream API; reads the lock table.</summary>
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
        var payload = new JsonObject
        {
            ["input"] = new JsonObject { ["application"] = application, ["imageId"] = imageId },
            ["executionName"] = executionName,
            ["executionArn"] = executionArn,
            ["startedAt"] = "2026-11-27T10:00:00Z",
        };
        await using var response = await new NormalizeRequest(cloud.Services).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())));
        var deployment = await JsonSerializer.DeserializeAsync(response, FunctionJsonContext.Default.Deployment);
        return new WorkflowState { Deployment = deployment! };
    }

    /// <summary>An execution ARN of the deployed state machine that no execution has (for states whose holder does not matter).</summary>
    public static string UnstartedExecutionArn() =>
        $"arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:test-{Guid.NewGuid():N}";

    public static async Task<JsonObject> InvokeAsync(Func<Stream, Task<Stream>> handler, WorkflowState state)
    {
        var input = JsonSerializer.SerializeToUtf8Bytes(state, FunctionJsonContext.Default.WorkflowState);
        await using var response = await handler(new MemoryStream(input));
        return (await JsonNode.ParseAsync(response))!.AsObject();
    }

    public static T Read<T>(JsonObject json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        json.Deserialize(type)!;

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
