namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>CodeDeploy's DeploymentStatus values the emulator uses, and the whole enum for validation.</summary>
internal static class DeploymentStatus
{
    public const string Created = "Created";
    public const string InProgress = "InProgress";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Stopped = "Stopped";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Created, "Queued", InProgress, "Baking", Succeeded, Failed, Stopped, "Ready",
    };

    public static bool IsComplete(string status) => status is Succeeded or Failed or Stopped;

    /// <summary>Every target shares its deployment's fate here: one status per instance.</summary>
    public static string OfInstances(string status) => status switch
    {
        Created => "Pending",
        Stopped => "Skipped",
        _ => status,
    };

    public static readonly IReadOnlySet<string> InstanceStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "Pending", "InProgress", "Succeeded", "Failed", "Skipped", "Unknown", "Ready",
    };
}
