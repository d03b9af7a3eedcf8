namespace BlueGreen.Cli.Demo;

/// <summary>What `bluegreen demo` deploys: the scenario's ending, the strategy and traffic shape of
/// the sample application's settings, and the size of its fleet.</summary>
/// <param name="Strategy">A settings strategy (swap, weighted, dns, in-group).</param>
/// <param name="Traffic">all-at-once, canary (10 % for 60 s, then all) or linear (25 % more every 60 s).</param>
internal sealed record DemoOptions(DemoScenario Scenario, string Strategy, string Traffic, int Instances, int Port, double TimeScale)
{
    public static readonly IReadOnlyList<string> Strategies = ["swap", "weighted", "dns", "in-group"];

    public static readonly IReadOnlyList<string> TrafficShapes = ["all-at-once", "canary", "linear"];

    public string TrafficJson => Traffic switch
    {
        "canary" => """{ "type": "Canary", "percent": 10, "intervalSeconds": 60 }""",
        "linear" => """{ "type": "Linear", "percent": 25, "intervalSeconds": 60 }""",
        _ => """{ "type": "AllAtOnce" }""",
    };
}
