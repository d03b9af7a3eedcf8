using System.CommandLine;
using BlueGreen.Cli.Demo;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen demo [--scenario …]</c>: one deployment on the local cloud, shown as it happens.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Which ending to show: " + string.Join(", ", DemoScenario.All.Select(s => $"{s.Name} ({s.Description})")) + ".",
            DefaultValueFactory = _ => DemoScenario.Happy.Name,
        };
        scenario.AcceptOnlyFromAmong([.. DemoScenario.All.Select(s => s.Name)]);
        var port = new Option<int>("--port") { Description = "Loopback port of the gateway (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "Multiplies the state machine's Wait states and retry backoffs (1 = real time).",
            DefaultValueFactory = _ => 0.1,
        };
        var demo = new Command("demo", "Seed a sample application in a local cloud and deploy a new AMI to it, showing every state; exits 0 when the scenario ends as expected.")
        {
            scenario,
            port,
            timeScale,
        };
        demo.SetAction((result, cancellation) =>
        {
            var chosen = DemoScenario.All.Single(s => s.Name == result.GetValue(scenario));
            return new DemoRunner(output, TimeProvider.System).RunAsync(chosen, result.GetValue(port), result.GetValue(timeScale), cancellation);
        });
        return demo;
    }
}
