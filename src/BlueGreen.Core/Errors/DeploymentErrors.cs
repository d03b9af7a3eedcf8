namespace BlueGreen.Core.Errors;

/// <summary>The domain error names, in workflow order, for ASL checks and documentation.</summary>
public static class DeploymentErrors
{
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(InvalidRequest), typeof(ImageNotAllowed), typeof(DeploymentLocked),
        typeof(LiveGroupNotFound), typeof(GreenLaunchFailed), typeof(CodeDeployFailed),
        typeof(GreenUnhealthy), typeof(AlarmFired), typeof(ApprovalRejected),
        typeof(ApprovalTimedOut), typeof(RollbackFailed), typeof(Transient),
        typeof(UnexpectedError),
    ];

    /// <summary>The names as they appear in <c>ErrorEquals</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Types.Select(t => t.Name).ToArray();
}
