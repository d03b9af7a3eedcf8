using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Demo;

/// <summary>The sample application's settings for a demo run: short timeouts so a laptop run is quick.</summary>
internal static class DemoSettings
{
    public const string CodeDeployGroup = "web";

    public const string Application = "shop";

    /// <summary>The CloudWatch alarm every demo watches; the alarm scenario sets it off mid-shift.</summary>
    public static string AlarmName(string application) => $"{application}-5xx";

    public static SampleOptions For(DemoOptions demo) => new()
    {
        Application = Application,
        Capacity = demo.Instances,
        SettingsJson = (blue, targetGroup, spareTargetGroup, listener) => Json(demo, blue, targetGroup, demo.Strategy == "weighted" ? Weighted(listener, targetGroup, spareTargetGroup) : ""),
    };

    /// <summary>The dns strategy's settings, once the sample's second ALB and records exist.</summary>
    public static string ForDns(DemoOptions demo, DnsSample dns) =>
        Json(demo, dns.Sample.BlueGroup, dns.Sample.TargetGroupArn, $"\n  \"dns\": {dns.SettingsSection},");

    private static string Json(DemoOptions demo, string blue, string targetGroup, string strategySection) => $$"""
            {
              "liveGroup": "{{blue}}",
              "strategy": "{{demo.Strategy}}",
              "targetGroupArns": ["{{targetGroup}}"],{{strategySection}}
              "traffic": {{demo.TrafficJson}},
              "health": { "minHealthyPercent": 100, "timeoutSeconds": 300, "alarmNames": ["{{AlarmName(Application)}}"], "bakeSeconds": 0 },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": {{(demo.Scenario == DemoScenario.Locked ? 150 : 0)}}, "drainSeconds": 20 }{{(demo.Scenario == DemoScenario.CodeDeployFails ? CodeDeploySection : "")}}
            }
            """;

    private static string Weighted(string listener, string live, string idle) => $$"""

              "weighted": { "listenerArn": "{{listener}}", "ruleArn": null, "targetGroupArns": ["{{live}}", "{{idle}}"] },
        """;

    private const string CodeDeploySection = """
        ,
          "codeDeploy": { "application": "shop", "deploymentGroup": "web", "timeoutSeconds": 300,
                          "revision": { "s3": { "bucket": "shop-releases", "key": "shop-2026.11.27.zip", "bundleType": "zip" } } }
        """;
}
