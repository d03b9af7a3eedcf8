using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Hosting;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// Runs handlers through their stream API, as Lambda and the gateway do: the input serialized
/// to JSON, the output read back from the response stream.
/// </summary>
public static class HandlerCalls
{
    /// <summary>The start time the tests give NormalizeRequest unless the clock matters.</summary>
    public const string StartedAt = "2026-11-27T10:00:00Z";

    public static async Task<T> InvokeAsync<THandlerOutput, T>(JsonFunction<WorkflowState, THandlerOutput> handler, WorkflowState state, JsonTypeInfo<T> output)
    {
        await using var response = await handler.HandleAsync(Input(state));
        return (await JsonSerializer.DeserializeAsync(response, output))!;
    }

    /// <summary>The handler's output as raw JSON, for tests about its keys.</summary>
    public static async Task<JsonObject> InvokeJsonAsync<T>(JsonFunction<WorkflowState, T> handler, WorkflowState state)
    {
        await using var response = await handler.HandleAsync(Input(state));
        return (await JsonNode.ParseAsync(response))!.AsObject();
    }

    /// <summary>NormalizeRequest given <paramref name="input"/> wrapped as the state machine wraps it; its output as raw JSON.</summary>
    public static async Task<JsonObject> NormalizeJsonAsync(NormalizeRequest handler, JsonNode input, string executionName, string? executionArn = null, string startedAt = StartedAt)
    {
        await using var response = await handler.HandleAsync(NormalizeInput(input, executionName, executionArn, startedAt));
        return (await JsonNode.ParseAsync(response))!.AsObject();
    }

    /// <summary>NormalizeRequest given <paramref name="input"/> wrapped as the state machine wraps it.</summary>
    public static async Task<Deployment> NormalizeAsync(NormalizeRequest handler, JsonNode input, string executionName, string? executionArn = null, string startedAt = StartedAt)
    {
        await using var response = await handler.HandleAsync(NormalizeInput(input, executionName, executionArn, startedAt));
        return (await JsonSerializer.DeserializeAsync(response, FunctionJsonContext.Default.Deployment))!;
    }

    private static MemoryStream Input(WorkflowState state) =>
        new(JsonSerializer.SerializeToUtf8Bytes(state, FunctionJsonContext.Default.WorkflowState));

    private static MemoryStream NormalizeInput(JsonNode input, string executionName, string? executionArn, string startedAt)
    {
        var payload = new JsonObject { ["input"] = input.DeepClone(), ["executionName"] = executionName };
        if (executionArn is not null)
        {
            payload["executionArn"] = executionArn;
        }

        payload["startedAt"] = startedAt;
        return new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }
}
