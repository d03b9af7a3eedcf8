using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Health;

/// <summary>
/// One check of the watch after full cutover: while blue still exists, ready to take traffic back,
/// any watched alarm in ALARM fails the deployment with AlarmFired, and RollBack puts traffic back
/// on blue. Done once <c>blueAfterCutover.waitSeconds</c> have passed since promotion. Reads only.
/// </summary>
public sealed class BlueWindowWatch(AlarmWatch alarms, TimeProvider time)
{
    /// <summary>Checks at least this often, so an alarm is acted on within seconds.</summary>
    public const int CheckEverySeconds = 10;

    /// <summary>Most checks a window may take: each is three history events, and an execution keeps
    /// at most 25,000. Windows longer than 10 s × this check less often.</summary>
    public const int MaxChecks = 2_000;

    public async Task<BlueWatch> CheckAsync(Deployment deployment, Promoted promoted, StepLog log, CancellationToken cancellationToken)
    {
        var window = deployment.Settings.BlueAfterCutover.WaitSeconds;
        var until = promoted.PromotedAt.AddSeconds(window);
        await alarms.ThrowIfAnyInAlarmAsync(
            deployment.Settings.Health.AlarmNames,
            $"after full cutover, before blue was retired (blue group {promoted.RetiredGroup} still takes traffic back)",
            log,
            cancellationToken);

        var left = until - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            log.Info("Blue group {BlueGroup} kept {WaitSeconds} s after cutover with no alarm; it may retire", promoted.RetiredGroup, window);
            return new BlueWatch(true, until, 0, $"no alarm during the {window} s after cutover");
        }

        var wait = (int)Math.Min(Math.Ceiling(left.TotalSeconds), Interval(window));
        log.Info("Blue group {BlueGroup} stays ready for rollback {SecondsLeft} s more; next check in {WaitSeconds} s", promoted.RetiredGroup, (int)Math.Ceiling(left.TotalSeconds), wait);
        return new BlueWatch(false, until, wait, $"{(int)Math.Ceiling(left.TotalSeconds)} s left before blue retires, no alarm");
    }

    /// <summary>Every 10 s, or less often for windows long enough to exceed <see cref="MaxChecks"/>.</summary>
    public static int Interval(int windowSeconds) =>
        Math.Max(CheckEverySeconds, (int)Math.Ceiling(windowSeconds / (double)MaxChecks));
}
