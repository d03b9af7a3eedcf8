using System.Text.Json.Nodes;

namespace BlueGreen.Local.Stack;

/// <summary>
/// The AWS::Events::Rule resources SAM generates from a state machine's <c>Events</c> of type
/// EventBridgeRule or CloudWatchEvent (aws-sam-translator, <c>model/stepfunctions/events.py</c>):
/// logical id <c>&lt;StateMachineId&gt;&lt;EventId&gt;</c>, EventPattern = Pattern, Name = RuleName,
/// EventBusName and State passed through, one target: the state machine's ARN with Id
/// <c>&lt;RuleId&gt;StepFunctionsTarget</c>, RoleArn of the generated role
/// <c>&lt;RuleId&gt;Role</c>, Input and InputPath passed through.
/// </summary>
public static class SamEventRules
{
    private const int MaxTargetIdLength = 64;
    private const string TargetSuffix = "StepFunctionsTarget";

    /// <summary>Each EventBridgeRule/CloudWatchEvent event of <paramref name="stateMachine"/> as the
    /// rule resource SAM would generate; any other event type fails, as it cannot run locally.</summary>
    public static IEnumerable<(string LogicalId, JsonObject Resource)> Expand(string stateMachineId, JsonObject stateMachine, string accountId)
    {
        foreach (var (eventId, node) in stateMachine["Properties"]?["Events"]?.AsObject() ?? [])
        {
            var type = node?["Type"]?.GetValue<string>();
            if (type is not ("EventBridgeRule" or "CloudWatchEvent"))
            {
                throw new StackDeploymentFailed($"{stateMachineId}.Events.{eventId}: only EventBridgeRule and CloudWatchEvent events can be deployed locally, not {type ?? "(no Type)"}");
            }

            var source = node!["Properties"]?.AsObject() ?? [];
            var ruleId = stateMachineId + eventId;
            var target = new JsonObject
            {
                ["Id"] = source["Target"]?["Id"]?.DeepClone() ?? TargetId(ruleId),
                ["Arn"] = new JsonObject { ["Ref"] = stateMachineId },
                ["RoleArn"] = $"arn:aws:iam::{accountId}:role/{ruleId}Role",
            };
            Copy(source, "Input", target);
            Copy(source, "InputPath", target);

            var properties = new JsonObject { ["Targets"] = new JsonArray(target) };
            Copy(source, "Pattern", properties, "EventPattern");
            Copy(source, "EventBusName", properties);
            Copy(source, "RuleName", properties, "Name");
            Copy(source, "State", properties);
            if (source["Enabled"] is JsonValue enabled && enabled.TryGetValue<bool>(out var on))
            {
                properties["State"] = on ? "ENABLED" : "DISABLED";
            }

            yield return (ruleId, new JsonObject { ["Type"] = "AWS::Events::Rule", ["Properties"] = properties });
        }
    }

    private static string TargetId(string ruleId) =>
        ruleId.Length + TargetSuffix.Length <= MaxTargetIdLength
            ? ruleId + TargetSuffix
            : ruleId[..(MaxTargetIdLength - TargetSuffix.Length)] + TargetSuffix;

    private static void Copy(JsonObject from, string name, JsonObject to, string? asName = null)
    {
        if (from[name] is { } value)
        {
            to[asName ?? name] = value.DeepClone();
        }
    }
}
