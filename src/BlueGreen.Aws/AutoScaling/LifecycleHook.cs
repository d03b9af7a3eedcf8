namespace BlueGreen.Aws.AutoScaling;

/// <summary>A lifecycle hook as described, created with a group, or put on one.</summary>
/// <param name="Transition">"autoscaling:EC2_INSTANCE_LAUNCHING" or "autoscaling:EC2_INSTANCE_TERMINATING".</param>
/// <param name="DefaultResult">"CONTINUE" or "ABANDON" when the heartbeat times out.</param>
public sealed record LifecycleHook(
    string Name,
    string Transition,
    int? HeartbeatTimeoutSeconds = null,
    string? DefaultResult = null,
    string? NotificationMetadata = null,
    string? NotificationTargetArn = null,
    string? RoleArn = null);
