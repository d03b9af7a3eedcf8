using BlueGreen.Local;
using BlueGreen.Local.Calls;

namespace BlueGreen.Cli.Demo;

/// <summary>The alarm scenario's trigger: sets the watched alarm off as soon as ShiftTraffic has
/// given green its first traffic (swap: green attached; in-group: old instances deregistered;
/// weighted/dns: the first weight written, so the rollback has weights to put back).</summary>
internal static class TrafficAlarm
{
    public static async Task FireOnceTrafficMovesAsync(LocalCloud cloud, string strategy, string alarmName, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        Func<RecordedWrite, bool> movesTraffic = strategy is "weighted" or "dns"
            ? TrafficWrites.IsWeightWrite
            : w => TrafficWrites.Moves(w.Operation);
        try
        {
            while (!cloud.Calls.Writes().Any(w => w.Function == "ShiftTrafficFunction" && movesTraffic(w)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
            }

            cloud.FireAlarmAfter(alarmName, TimeSpan.Zero);
            output.WriteLine($"(demo) traffic is moving: alarm {alarmName} set to ALARM");
        }
        catch (OperationCanceledException)
        {
            // The execution ended before traffic moved.
        }
    }
}
