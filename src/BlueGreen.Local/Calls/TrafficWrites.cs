namespace BlueGreen.Local.Calls;

/// <summary>The writes that change which fleet serves: target group attachments and registrations,
/// listener or rule weights, Route 53 records.</summary>
public static class TrafficWrites
{
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "AttachLoadBalancerTargetGroups", "DetachLoadBalancerTargetGroups", "RegisterTargets", "DeregisterTargets",
        "ModifyListener", "ModifyRule", "ChangeResourceRecordSets", "EnterStandby", "ExitStandby",
    };

    public static bool Moves(string operation) => Operations.Contains(operation);

    /// <summary>From the failing check (its task's failure in the history) to the rollback's first
    /// traffic write (functions are named by their template logical id); null when the rollback made none.</summary>
    public static TimeSpan? RestoredAfter(DateTimeOffset failedAt, IReadOnlyList<RecordedWrite> writes) =>
        writes.FirstOrDefault(w => w.Function == "RollBackFunction" && Moves(w.Operation) && w.At >= failedAt) is { } restore
            ? restore.At - failedAt
            : null;
}
