using System.Text.Json.Nodes;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.Events;

/// <summary>EventBridge over AWS JSON 1.1 (target prefix AWSEvents): PutEvents, and the rules the local cloud deploys.</summary>
internal sealed class EventBusClient(JsonProtocol json) : IEventBus
{
    public static readonly AwsService Service = new(
        "EventBridge",
        "EVENTBRIDGE",
        "events",
        "events",
        new Dictionary<string, ErrorKind>
        {
            ["ResourceNotFoundException"] = ErrorKind.NotFound,
            ["ResourceAlreadyExistsException"] = ErrorKind.AlreadyExists,
            ["InternalException"] = ErrorKind.ServiceUnavailable,
        });

    public const string TargetPrefix = "AWSEvents";
    public const string JsonVersion = "1.1";

    // PutEvents takes at most 10 entries per call.
    private const int BatchSize = 10;

    public async Task<PutEventsResult> PutEventsAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken = default)
    {
        var entries = new List<PutEventsResultEntry>(events.Count);
        var failed = 0;
        foreach (var batch in events.Chunk(BatchSize))
        {
            var result = await json.SendAsync(
                "PutEvents",
                new JsonObject { ["Entries"] = new JsonArray(batch.Select(Entry).ToArray()) },
                cancellationToken);
            var answered = result.Items("Entries").Select(e => new PutEventsResultEntry(e.Text("EventId"), e.Text("ErrorCode"), e.Text("ErrorMessage"))).ToList();
            if (answered.Count != batch.Length)
            {
                throw new FormatException($"EventBridge answered {answered.Count} entries for {batch.Length} events.");
            }

            entries.AddRange(answered);
            failed += (int?)result.Long("FailedEntryCount") ?? answered.Count(e => !e.Succeeded);
        }

        return new PutEventsResult(failed, entries);
    }

    public Task PutRuleAsync(string name, string eventPattern, bool enabled, CancellationToken cancellationToken = default) =>
        json.SendAsync(
            "PutRule",
            new JsonObject { ["Name"] = name, ["EventPattern"] = eventPattern, ["State"] = enabled ? "ENABLED" : "DISABLED" },
            cancellationToken);

    public Task SetRuleEnabledAsync(string name, bool enabled, CancellationToken cancellationToken = default) =>
        json.SendAsync(enabled ? "EnableRule" : "DisableRule", new JsonObject { ["Name"] = name }, cancellationToken);

    public async Task PutTargetsAsync(string rule, IReadOnlyList<RuleTarget> targets, CancellationToken cancellationToken = default)
    {
        var result = await json.SendAsync(
            "PutTargets",
            new JsonObject
            {
                ["Rule"] = rule,
                ["Targets"] = new JsonArray(targets.Select(t => (JsonNode?)new JsonObject
                {
                    ["Id"] = t.Id,
                    ["Arn"] = t.Arn,
                    ["RoleArn"] = t.RoleArn,
                    ["Input"] = t.Input,
                    ["InputPath"] = t.InputPath,
                }).ToArray()),
            },
            cancellationToken);
        if (result.Long("FailedEntryCount") is > 0)
        {
            throw new FormatException($"EventBridge refused {result.Long("FailedEntryCount")} target(s) of rule {rule}: {result["FailedEntries"]?.ToJsonString()}");
        }
    }

    private static JsonNode Entry(BusEvent e) => new JsonObject
    {
        ["Source"] = e.Source,
        ["DetailType"] = e.DetailType,
        ["Detail"] = e.Detail,
        ["Resources"] = e.Resources is { Count: > 0 } resources ? new JsonArray(resources.Select(r => (JsonNode?)r).ToArray()) : null,
        ["EventBusName"] = e.EventBusName,
        // Timestamps are epoch seconds in the JSON protocols.
        ["Time"] = e.Time is { } time ? time.ToUnixTimeMilliseconds() / 1000.0 : null,
    };
}
