namespace BlueGreen.Functions.Locking;

/// <summary>What claiming the cleanup of a stopped execution found (<see cref="CleanupClaims.ClaimAsync"/>).</summary>
public abstract record CleanupClaim
{
    /// <summary>This cleanup holds the claim (taken now, taken over from an ended cleanup, or already its own).</summary>
    public sealed record Claimed(string? TakenOverFrom) : CleanupClaim;

    /// <summary>The stopped execution does not hold the lock (free, or held by <paramref name="Holder"/>): it left nothing to clean.</summary>
    public sealed record NotHeld(string? Holder) : CleanupClaim;

    /// <summary>Another cleanup, still running, owns it.</summary>
    public sealed record ClaimedByOther(string Cleanup) : CleanupClaim;
}
