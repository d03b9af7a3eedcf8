using BlueGreen.Aws.StepFunctions;
using BlueGreen.Functions.Locking;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Locking;

public sealed class StepTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_LoopedAndOpenStates_OneStepPerVisitAndTheOpenOneEndsNow()
    {
        HistoryEvent[] history =
        [
            new(1, null, "ExecutionStarted", Start, null, null),
            Event(2, "TaskStateEntered", "AcquireLock", 0),
            Event(3, "TaskStateExited", "AcquireLock", 2),
            Event(4, "WaitStateEntered", "WaitForGreen", 2),
            Event(5, "WaitStateExited", "WaitForGreen", 12),
            Event(6, "WaitStateEntered", "WaitForGreen", 13),
            Event(7, "WaitStateExited", "WaitForGreen", 23),
            Event(8, "TaskStateEntered", "ReleaseLock", 30),
        ];

        var steps = StepTimeline.From(history, new FakeTimeProvider(Start.AddSeconds(31.5)));

        Assert.Equal(["AcquireLock", "WaitForGreen", "WaitForGreen", "ReleaseLock"], steps.Select(s => s.Name));
        Assert.Equal([2, 10, 10, 1.5], steps.Select(s => s.Seconds));
    }

    [Fact]
    public void From_ExitWithoutEntry_IsIgnored()
    {
        var steps = StepTimeline.From([Event(1, "PassStateExited", "Orphan", 1)], new FakeTimeProvider(Start));

        Assert.Empty(steps);
    }

    private static HistoryEvent Event(long id, string type, string state, double seconds) =>
        new(id, id - 1, type, Start.AddSeconds(seconds), state, null);
}
