using System.Collections.Concurrent;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>Records the delays the retry asks for and fires them at once, so tests need not sleep.</summary>
public sealed class InstantTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
