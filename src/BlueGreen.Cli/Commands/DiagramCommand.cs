using System.CommandLine;
using BlueGreen.Cli.Diagram;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen diagram [--definition file.asl.json]</c>: the state machine as a Mermaid
/// stateDiagram-v2 on stdout; by default the definition this build of the tool deploys.</summary>
internal static class DiagramCommand
{
    /// <summary>statemachine/bluegreen.asl.json, embedded at build time (BlueGreen.Cli.csproj).</summary>
    public const string EmbeddedDefinition = "bluegreen.asl.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var definition = new Option<FileInfo>("--definition")
        {
            Description = "An Amazon States Language file to draw instead of BlueGreen's own workflow.",
        };
        var diagram = new Command("diagram", "Print the deployment workflow as a Mermaid state diagram (docs/how-it-works.md shows it).")
        {
            definition,
        };
        diagram.SetAction(result =>
        {
            var file = result.GetValue(definition);
            string text;
            try
            {
                text = file is null ? Embedded() : File.ReadAllText(file.FullName);
            }
            catch (IOException exception)
            {
                error.WriteLine($"bluegreen diagram: cannot read {file?.FullName}: {exception.Message}");
                return 2;
            }

            try
            {
                output.Write(StateMachineDiagram.ToMermaid(text));
                return 0;
            }
            catch (Exception exception) when (exception is ArgumentException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                error.WriteLine($"bluegreen diagram: {file?.FullName ?? EmbeddedDefinition} is not a state machine definition: {exception.Message}");
                return 2;
            }
        });
        return diagram;
    }

    private static string Embedded()
    {
        using var stream = typeof(DiagramCommand).Assembly.GetManifestResourceStream(EmbeddedDefinition)
            ?? throw new InvalidOperationException($"{EmbeddedDefinition} is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
