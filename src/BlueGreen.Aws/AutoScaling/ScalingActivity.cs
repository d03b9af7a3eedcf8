namespace BlueGreen.Aws.AutoScaling;

/// <param name="StatusCode">"Successful", "Failed", "InProgress", "Cancelled"...</param>
public sealed record ScalingActivity(
    string ActivityId,
    string Description,
    string Cause,
    string StatusCode,
    string? StatusMessage,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? Progress);
