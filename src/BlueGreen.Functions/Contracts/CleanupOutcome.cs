namespace BlueGreen.Functions.Contracts;

/// <summary>
/// The output of a cleanup execution (it ends SUCCEEDED whatever it found; a rollback that fails ends
/// it FAILED with RollbackFailed instead). <c>outcome</c> is one of:
/// <c>CleanedUp</c> (rolled back: traffic on blue, green removed, lock free),
/// <c>LockReleased</c> (past the point of no return: green stays live, only the lock was freed),
/// <c>NothingToCleanUp</c> (the stopped execution held no lock: nothing written),
/// <c>AlreadyBeingCleanedUp</c> (another cleanup, <c>cleanupBy</c>, owns it: nothing written),
/// <c>NotStopped</c> (the execution is running, or ended through its own workflow: nothing written).
/// </summary>
public sealed record CleanupOutcome(
    string Outcome,
    string StoppedExecution,
    string Status,
    bool RolledBack,
    string? LiveGroup,
    string Message,
    string? CleanupBy = null)
{
    public const string CleanedUp = nameof(CleanedUp);
    public const string LockReleased = nameof(LockReleased);
    public const string NothingToCleanUp = nameof(NothingToCleanUp);
    public const string AlreadyBeingCleanedUp = nameof(AlreadyBeingCleanedUp);
    public const string NotStopped = nameof(NotStopped);
}
