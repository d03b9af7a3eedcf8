using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Outputs;

namespace BlueGreen.Functions.Locking;

/// <summary>The time each state of an execution took, from its history: every
/// <c>…StateEntered</c> paired with the next <c>…StateExited</c> of the same state. A state still
/// open (the one asking, typically) ends now.</summary>
public static class StepTimeline
{
    public static IReadOnlyList<StepTiming> From(IReadOnlyList<HistoryEvent> history, TimeProvider time)
    {
        var open = new Dictionary<string, Stack<DateTimeOffset>>(StringComparer.Ordinal);
        var steps = new List<StepTiming>();
        foreach (var e in history)
        {
            if (e.StateName is not { } name || e.Timestamp is not { } at)
            {
                continue;
            }

            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                if (!open.TryGetValue(name, out var starts))
                {
                    open[name] = starts = new Stack<DateTimeOffset>();
                }

                starts.Push(at);
            }
            else if (e.Type.EndsWith("StateExited", StringComparison.Ordinal) && open.TryGetValue(name, out var starts) && starts.Count > 0)
            {
                steps.Add(StepTiming.Between(name, starts.Pop(), at));
            }
        }

        steps.AddRange(open.SelectMany(o => o.Value.Select(start => StepTiming.EndingNow(o.Key, start, time))));
        return steps.OrderBy(s => s.StartedAt).ThenBy(s => s.EndedAt).ToList();
    }
}
