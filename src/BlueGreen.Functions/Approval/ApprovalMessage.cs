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
    public static ApprovalMessage For(WorkflowState state, DateTimeOffset requestedAt)
    {
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
              bluegreen approve {d.ExecutionArn} --comment "looks good"
            Reject (rolls back, blue stays live):
              bluegreen reject {d.ExecutionArn} --reason "why"
            """;
        return new ApprovalMessage($"Approve {d.Application} {d.ImageId}? (BlueGreen)", body);
    }

    private static string ToText(DeploymentStrategy strategy) =>
        JsonSerializer.Serialize(strategy, CoreJsonContext.Default.DeploymentStrategy).Trim('"');
}
