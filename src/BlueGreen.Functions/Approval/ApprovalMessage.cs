using System.Globalization;
using System.Text.Json;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Approval;

/// <summary>The approval request in words: what would go live, where, and the exact commands that
/// answer it. Never the task token: the commands find it with the execution.</summary>
public sealed record ApprovalMessage(string Subject, string Body)
{
    /// <summary>The CLI's <c>--stack</c> default: commands for that stack need no <c>--stack</c>.</summary>
    public const string DefaultStack = "bluegreen";

    /// <param name="stackName">The deployment's stack; any but <see cref="DefaultStack"/> is named in the commands.</param>
    public static ApprovalMessage For(WorkflowState state, DateTimeOffset requestedAt, string? stackName = null)
    {
        var stack = stackName is { Length: > 0 } && stackName != DefaultStack ? $" --stack {stackName}" : "";
        var d = state.Deployment;
        var deadline = requestedAt.AddSeconds(d.Settings.Approval.TimeoutSeconds).ToString("u", CultureInfo.InvariantCulture);
        var green = state.Green?.GroupName ?? d.Names.GreenGroup;
        var blue = state.Live?.GroupName ?? d.Settings.LiveGroup ?? "(none)";
        var body = $"""
            BlueGreen asks for approval before moving traffic.

            Application:    {d.Application}
            Image:          {d.ImageId}
            Green group:    {green} (healthy, not serving yet)
            Live group:     {blue}
            Strategy:       {ToText(d.Strategy)}
            Reason:         {d.Reason ?? "(none given)"}
            Execution:      {d.ExecutionArn}
            Answer before:  {deadline}; without an answer the deployment rolls back (ApprovalTimedOut).

            Approve:
              bluegreen approve {d.ExecutionArn}{stack} --comment "looks good"
            Reject (rolls back, blue stays live):
              bluegreen reject {d.ExecutionArn}{stack} --reason "why"
            """;
        return new ApprovalMessage($"Approve {d.Application} {d.ImageId}? (BlueGreen)", body);
    }

    private static string ToText(DeploymentStrategy strategy) =>
        JsonSerializer.Serialize(strategy, CoreJsonContext.Default.DeploymentStrategy).Trim('"');
}
