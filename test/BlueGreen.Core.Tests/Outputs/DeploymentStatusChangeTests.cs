using System.Text.Json;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Tests.TestSupport;
using Json.Schema;

namespace BlueGreen.Core.Tests.Outputs;

/// <summary>The published schema (schemas/deployment-event.schema.json) and the events we put agree.</summary>
public sealed class DeploymentStatusChangeTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(Fixture.Read("Outputs", "Files", "deployment-event.schema.json"));

    private static readonly DeploymentStatusChange Common = new(
        "abc123def456", "shop", "ami-0abc1234def567890", "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:run-1",
        DeploymentEventStatus.Started, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)) { Strategy = "weighted" };

    public static TheoryData<string, DeploymentStatusChange> EveryStatus => new()
    {
        { "STARTED", Common },
        { "TRAFFIC_SHIFTED", Common with { Status = DeploymentEventStatus.TrafficShifted, Traffic = new TrafficSplit(10, 90, 1, 3) } },
        { "PROMOTED", Common with { Status = DeploymentEventStatus.Promoted, LiveGroup = "shop-abc123def456", Warnings = ["Old blue group shop-blue was not fully retired"] } },
        { "ROLLED_BACK", Common with { Status = DeploymentEventStatus.RolledBack, Error = "AlarmFired", Cause = "Alarm shop-5xx is ALARM", LiveGroup = "shop-blue" } },
        { "ROLLBACK_FAILED", Common with { Status = DeploymentEventStatus.RollbackFailed, Error = "RollbackFailed", Cause = "Blue group shop-blue no longer exists" } },
        { "IGNORED", Common with { Status = DeploymentEventStatus.Ignored, Reason = "AMI ami-0abc1234def567890 is deployed by deployment x" } },
    };

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Serialized_EveryStatus_MatchesThePublishedSchema(string status, DeploymentStatusChange change)
    {
        using var detail = JsonDocument.Parse(JsonSerializer.Serialize(change, CoreJsonContext.Default.DeploymentStatusChange));

        var result = Schema.Evaluate(detail.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal(status, detail.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Schema_RolledBackWithoutItsError_IsRefused()
    {
        using var detail = JsonDocument.Parse(JsonSerializer.Serialize(Common with { Status = DeploymentEventStatus.RolledBack }, CoreJsonContext.Default.DeploymentStatusChange));

        Assert.False(Schema.Evaluate(detail.RootElement).IsValid);
    }
}
