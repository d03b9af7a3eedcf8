using BlueGreen.Local;
using BlueGreen.Local.Calls;

namespace BlueGreen.Cli.Demo;

/// <summary>The alarm scenario's trigger: sets the watched alarm off as soon as ShiftTraffic has
/// made its first write (green attached, or its first weight), i.e. while traffic is moving.</summary>
internal static class TrafficAlarm
{
    public static async Task FireOnceTrafficMovesAsync(LocalCloud cloud, string alarmName, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (!cloud.Calls.Writes().Any(w => w.Function == "ShiftTrafficFunction" && TrafficWrites.Moves(w.Operation)))
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
