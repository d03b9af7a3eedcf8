namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>The names of the end-state invariants the matrix checks, as they appear in reports.</summary>
public static class Invariants
{
    /// <summary>SUCCEEDED with outcome Promoted, or FAILED with a documented error name.</summary>
    public const string EndedWithDocumentedName = nameof(EndedWithDocumentedName);

    /// <summary>Exactly one group of the application carries the color tag's blue value.</summary>
    public const string OneGroupTaggedLive = nameof(OneGroupTaggedLive);

    /// <summary>The live group receives the traffic (target group / listener weights / DNS weights).</summary>
    public const string LiveOnTrafficPath = nameof(LiveOnTrafficPath);

    /// <summary>Every desired instance of the live group is InService.</summary>
    public const string LiveInstancesInService = nameof(LiveInstancesInService);

    /// <summary>The live group's instances run the AMI the outcome says (new if Promoted, else old).</summary>
    public const string ServesOutcomeImage = nameof(ServesOutcomeImage);

    /// <summary>No group, launch template or launch template version the deployment made and the outcome does not keep.</summary>
    public const string NothingLeftBehind = nameof(NothingLeftBehind);

    /// <summary>The lock is free; after RollbackFailed it is kept.</summary>
    public const string LockAsOutcomeSays = nameof(LockAsOutcomeSays);

    /// <summary>After a deployment that did not promote, the live group's next instance launches the old AMI.</summary>
    public const string BlueUnchanged = nameof(BlueUnchanged);

    /// <summary>After a promotion, the live group's next instance launches the new AMI.</summary>
    public const string NextLaunchServesNewImage = nameof(NextLaunchServesNewImage);

    public static IReadOnlyList<string> All { get; } =
    [
        EndedWithDocumentedName, OneGroupTaggedLive, LiveOnTrafficPath, LiveInstancesInService, ServesOutcomeImage,
        NothingLeftBehind, LockAsOutcomeSays, BlueUnchanged, NextLaunchServesNewImage,
    ];

    /// <summary>The names a FAILED execution may end with: DESIGN §3's domain errors plus the one
    /// name that wraps the unexpected.</summary>
    public static IReadOnlySet<string> DocumentedErrors { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "InvalidRequest", "ImageNotAllowed", "DeploymentLocked", "LiveGroupNotFound", "GreenLaunchFailed",
        "CodeDeployFailed", "GreenUnhealthy", "AlarmFired", "ApprovalRejected", "ApprovalTimedOut",
        "RollbackFailed", "Transient", "UnexpectedError",
    };
}
