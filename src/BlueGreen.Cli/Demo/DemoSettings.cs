using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Demo;

/// <summary>The sample application's settings per scenario: short timeouts so a laptop run is quick.</summary>
internal static class DemoSettings
{
    public const string CodeDeployGroup = "web";

    public static SampleOptions For(DemoScenario scenario) => new()
    {
        Capacity = 2,
        SettingsJson = (blue, targetGroup, _, _) => $$"""
            {
              "liveGroup": "{{blue}}",
              "strategy": "swap",
              "targetGroupArns": ["{{targetGroup}}"],
              "health": { "minHealthyPercent": 100, "timeoutSeconds": 30, "alarmNames": [], "bakeSeconds": 0 },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": {{(scenario == DemoScenario.Locked ? 15 : 0)}}, "drainSeconds": 2 }{{(scenario == DemoScenario.CodeDeployFails ? CodeDeploySection : "")}}
            }
            """,
    };

    private const string CodeDeploySection = """
        ,
          "codeDeploy": { "application": "shop", "deploymentGroup": "web", "timeoutSeconds": 300,
                          "revision": { "s3": { "bucket": "shop-releases", "key": "shop-2026.11.27.zip", "bundleType": "zip" } } }
        """;
}
