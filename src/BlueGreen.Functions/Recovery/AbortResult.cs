using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Recovery;

/// <summary>What <c>bluegreen abort</c> did, in words (<see cref="Text"/>) and as its exit code:
/// 0 cleaned up (rolled back, or nothing of it was left), 1 the cleanup failed (RollbackFailed: the
/// text has the manual steps), 2 refused (no such execution, or it is not running and has nothing
/// to clean up).</summary>
public sealed record AbortResult(int ExitCode, string Text, string? Execution = null, string? Cleanup = null, CleanupOutcome? Outcome = null)
{
    public const string ExecutionNotFound = nameof(ExecutionNotFound);
    public const string NotStopped = nameof(NotStopped);
}
