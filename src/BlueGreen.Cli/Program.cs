using System.CommandLine;
using BlueGreen.Cli.Commands;

var root = new RootCommand("BlueGreen: blue/green deployments of EC2 Auto Scaling fleets, run by Step Functions.")
{
    LocalCommand.Create(Console.Out),
    DemoCommand.Create(Console.Out),
    DeployCommand.Create(Console.Out, Console.Error),
    WatchCommand.Create(Console.Out, Console.Error),
    AbortCommand.Create(Console.Out, Console.Error),
    DiagramCommand.Create(Console.Out, Console.Error),
    StatusCommand.Create(Console.Out, Console.Error),
    HistoryCommand.Create(Console.Out, Console.Error),
};
foreach (var command in ApprovalCommands.Create(Console.Out, Console.Error))
{
    root.Subcommands.Add(command);
}

// Commands that run until stopped handle SIGINT/SIGTERM themselves, to clean up before exiting.
var parsed = root.Parse(args);
var exit = await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
// Bad usage (unknown option, missing argument) is "refused": exit 2, as docs/cli.md says.
return parsed.Errors.Count > 0 ? 2 : exit;
