namespace BlueGreen.Functions.Locking;

/// <summary>What <see cref="DeploymentLock.ReleaseAsync"/> found.</summary>
public enum LockRelease
{
    /// <summary>This execution held the lock and this call deleted it.</summary>
    Released,

    /// <summary>Nobody held it (an earlier try released it, or it was never taken).</summary>
    AlreadyFree,

    /// <summary>Another execution holds it (it took a stale lock over): left in place.</summary>
    HeldByAnother,
}
