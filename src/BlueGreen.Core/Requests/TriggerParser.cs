using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Internal;

namespace BlueGreen.Core.Requests;

/// <summary>
/// Turns the raw execution input (console/CLI/CodePipeline JSON, or an EventBridge event) into a
/// <see cref="DeploymentTrigger"/>, or throws <see cref="InvalidRequest"/> listing every problem.
/// </summary>
public static class TriggerParser
{
    public static DeploymentTrigger Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidRequest(JsonPath.Root, "the input is empty", $"send a JSON object such as {RequestReader.Example}");
        }

        using var document = JsonInput.Parse(json, "input", RequestReader.Example);
        return Parse(document.RootElement);
    }

    public static DeploymentTrigger Parse(JsonElement root)
    {
        var problems = new ProblemCollector();
        if (root.ValueKind != JsonValueKind.Object)
        {
            ObjectReader.Open(root, JsonPath.Root, problems, $"send a JSON object such as {RequestReader.Example}");
            problems.ThrowIfAny();
        }

        DeploymentTrigger? trigger = EventReader.LooksLikeEvent(root)
            ? EventReader.Read(root, problems)
            : new RequestTrigger(RequestReader.Read(root, problems));
        problems.ThrowIfAny();
        return trigger!;
    }
}
