using System.Text.Json.Serialization;

namespace BlueGreen.Core.Outputs;

/// <summary>
/// The <c>detail</c> of a <c>BlueGreen Deployment Status Change</c> event (source <c>bluegreen</c>),
/// put on the account's default EventBridge bus and, when the application has a
/// <c>notificationTopicArn</c>, published there too. Its JSON schema is
/// schemas/deployment-event.schema.json. Delivery is at least once: a retried step may announce again.
/// </summary>
public sealed record DeploymentStatusChange(
    string DeploymentId,
    string Application,
    string ImageId,
    string ExecutionArn,
    DeploymentEventStatus Status,
    DateTimeOffset Time)
{
    public const string Source = "bluegreen";
    public const string DetailType = "BlueGreen Deployment Status Change";

    /// <summary><c>swap</c>, <c>weighted</c>, <c>dns</c> or <c>in-group</c>.</summary>
    public string? Strategy { get; init; }

    /// <summary>TRAFFIC_SHIFTED: how traffic is split now.</summary>
    public TrafficSplit? Traffic { get; init; }

    /// <summary>PROMOTED, ROLLED_BACK: the group that serves now.</summary>
    public string? LiveGroup { get; init; }

    /// <summary>ROLLED_BACK, ROLLBACK_FAILED: the error that ended the deployment (a documented name).</summary>
    public string? Error { get; init; }

    /// <summary>ROLLED_BACK, ROLLBACK_FAILED: what happened, in words.</summary>
    public string? Cause { get; init; }

    /// <summary>IGNORED: why nothing was deployed.</summary>
    public string? Reason { get; init; }

    /// <summary>PROMOTED: what did not work after the point of no return.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>The traffic split after a shift: percentages to green and blue, and the step of the
/// traffic plan (1-based) when the strategy moves traffic in steps.</summary>
public sealed record TrafficSplit(int GreenPercent, int BluePercent, int? Step = null, int? Steps = null);

[JsonConverter(typeof(JsonStringEnumConverter<DeploymentEventStatus>))]
public enum DeploymentEventStatus
{
    [JsonStringEnumMemberName("STARTED")] Started,
    [JsonStringEnumMemberName("TRAFFIC_SHIFTED")] TrafficShifted,
    [JsonStringEnumMemberName("PROMOTED")] Promoted,
    [JsonStringEnumMemberName("ROLLED_BACK")] RolledBack,
    [JsonStringEnumMemberName("ROLLBACK_FAILED")] RollbackFailed,
    [JsonStringEnumMemberName("IGNORED")] Ignored,
}
