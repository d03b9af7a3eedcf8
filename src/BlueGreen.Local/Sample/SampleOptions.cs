namespace BlueGreen.Local.Sample;

/// <summary>What the sample application looks like; the defaults are the demo's.</summary>
public sealed record SampleOptions
{
    public string Application { get; init; } = "shop";

    /// <summary>Blue's desired (and minimum) capacity; its maximum is twice that.</summary>
    public int Capacity { get; init; } = 2;

    /// <summary>How blue's group references its launch spec; the demo's is the template at <c>$Latest</c>.</summary>
    public BlueLaunchSpec BlueLaunchSpec { get; init; } = BlueLaunchSpec.LatestVersion;

    /// <summary>The settings stored in SSM, given blue's group, its target group, a spare target
    /// group (for the weighted strategy) and the listener. Short times so a local run is quick.</summary>
    public Func<string, string, string, string, string> SettingsJson { get; init; } = (blue, targetGroup, _, _) => $$"""
        {
          "liveGroup": "{{blue}}",
          "strategy": "swap",
          "targetGroupArns": ["{{targetGroup}}"],
          "health": { "minHealthyPercent": 100, "timeoutSeconds": 120, "alarmNames": [], "bakeSeconds": 0 },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 10 }
        }
        """;
}
