using System.CommandLine;
using BlueGreen.Cli.Demo;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen demo [--scenario …] [--strategy …] [--traffic …] [--instances N]</c>: one deployment on the local cloud, shown as it happens.</summary>
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
        var strategy = new Option<string>("--strategy")
        {
            Description = "The sample application's strategy: " + string.Join(", ", DemoOptions.Strategies) + ".",
            DefaultValueFactory = _ => "swap",
        };
        strategy.AcceptOnlyFromAmong([.. DemoOptions.Strategies]);
        var traffic = new Option<string>("--traffic")
        {
            Description = "How traffic moves: all-at-once, canary (10 % for 60 s, then all) or linear (25 % more every 60 s).",
            DefaultValueFactory = _ => "all-at-once",
        };
        traffic.AcceptOnlyFromAmong([.. DemoOptions.TrafficShapes]);
        var instances = new Option<int>("--instances") { Description = "Instances in the blue fleet (1-200).", DefaultValueFactory = _ => 2 };
        instances.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 200)
            {
                result.AddError("--instances must be from 1 to 200.");
            }
        });
        var demo = new Command("demo", "Seed a sample application in a local cloud and deploy a new AMI to it, showing every state; exits 0 when the scenario ends as expected.")
        {
            scenario,
            strategy,
            traffic,
            instances,
            port,
            timeScale,
        };
        demo.SetAction((result, cancellation) =>
        {
            var chosen = DemoScenario.All.Single(s => s.Name == result.GetValue(scenario));
            var options = new DemoOptions(chosen, result.GetValue(strategy)!, result.GetValue(traffic)!, result.GetValue(instances), result.GetValue(port), result.GetValue(timeScale));
            return new DemoRunner(output, TimeProvider.System).RunAsync(options, cancellation);
        });
        return demo;
    }
}
