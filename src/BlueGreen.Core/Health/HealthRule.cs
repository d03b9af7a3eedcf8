namespace BlueGreen.Core.Health;

/// <summary>
/// Decides whether green is healthy: an instance counts only when it is <c>InService</c>, not
/// marked <c>Unhealthy</c> by the ASG, and <c>healthy</c> in every target group (so
/// <c>initial</c>, <c>draining</c>, <c>unused</c> never count); at least
/// ceil(desired × minHealthyPercent / 100) must count, and no watched alarm may be in ALARM.
/// </summary>
public static class HealthRule
{
    public static HealthVerdict Evaluate(
        IReadOnlyList<InstanceHealth> instances,
        IReadOnlyList<string> targetGroupArns,
        int desiredCapacity,
        int minHealthyPercent,
        IReadOnlyList<string>? alarmsInAlarm = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desiredCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHealthyPercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minHealthyPercent, 100);

        var required = RequiredCount(desiredCapacity, minHealthyPercent);
        var unhealthy = new List<UnhealthyInstance>();
        var healthy = 0;
        foreach (var instance in instances)
        {
            var reasons = Reasons(instance, targetGroupArns);
            if (reasons.Count == 0)
            {
                healthy++;
            }
            else
            {
                unhealthy.Add(new UnhealthyInstance(instance.InstanceId, reasons));
            }
        }

        var alarms = alarmsInAlarm ?? [];
        return new HealthVerdict(healthy >= required && alarms.Count == 0, healthy, required, desiredCapacity, unhealthy, alarms);
    }

    /// <summary>Rounds up: 3 instances at 50 % need 2.</summary>
    public static int RequiredCount(int desiredCapacity, int minHealthyPercent) =>
        (int)Math.Ceiling(desiredCapacity * minHealthyPercent / 100m);

    private static List<string> Reasons(InstanceHealth instance, IReadOnlyList<string> targetGroupArns)
    {
        var reasons = new List<string>();
        if (instance.LifecycleState != "InService")
        {
            reasons.Add($"lifecycle state {instance.LifecycleState}, not InService");
        }

        if (string.Equals(instance.HealthStatus, "Unhealthy", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("marked Unhealthy by Auto Scaling");
        }

        foreach (var arn in targetGroupArns)
        {
            var group = ShortName(arn);
            if (!instance.TargetHealth.TryGetValue(arn, out var state))
            {
                reasons.Add($"not registered in target group {group}");
            }
            else if (state != "healthy")
            {
                reasons.Add($"{state} in target group {group}{Explain(state)}");
            }
        }

        return reasons;
    }

    private static string Explain(string state) => state switch
    {
        "initial" => " (registering or first health checks running)",
        "draining" => " (deregistering)",
        "unused" => " (not serving: not registered or its zone is not enabled)",
        "unhealthy" => " (failing health checks)",
        "unavailable" => " (health checks disabled)",
        _ => "",
    };

    // arn:...:targetgroup/shop/0123abcd → targetgroup/shop
    private static string ShortName(string arn)
    {
        var at = arn.IndexOf("targetgroup/", StringComparison.Ordinal);
        if (at < 0)
        {
            return arn;
        }

        var name = arn[at..];
        var last = name.LastIndexOf('/');
        return last > "targetgroup/".Length ? name[..last] : name;
    }
}
