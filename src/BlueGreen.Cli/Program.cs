using System.CommandLine;
using BlueGreen.Cli.Commands;

var root = new RootCommand("BlueGreen: blue/green deployments of EC2 Auto Scaling fleets, run by Step Functions.")
{
    LocalCommand.Create(Console.Out),
    DemoCommand.Create(Console.Out),
    AbortCommand.Create(Console.Out, Console.Error),
    DiagramCommand.Create(Console.Out, Console.Error),
};
foreach (var command in ApprovalCommands.Create(Console.Out, Console.Error))
{
    root.Subcommands.Add(command);
}

// Commands that run until stopped handle SIGINT/SIGTERM themselves, to clean up before exiting.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
