namespace BlueGreen.Aws;

/// <summary>
/// Retry of throttled, 5xx and network failures: capped exponential backoff with full jitter,
/// the shape AWS recommends so that many clients backing off at once do not retry in step.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in total, the first included (AWS_MAX_ATTEMPTS). 1 turns retry off.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry; it doubles on every further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No single wait is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
    }
}
