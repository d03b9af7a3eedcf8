using BlueGreen.Cli.Diagram;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>`bluegreen diagram` in its own process, run outside the checkout.</summary>
public sealed class DiagramCommandTests
{
    [Fact]
    public async Task Diagram_OutsideTheCheckout_PrintsTheWorkflowItWasBuiltWith()
    {
        var asl = File.ReadAllText(Path.Combine(RepositoryRootFinder.Find(), "statemachine", "bluegreen.asl.json"));

        var (exit, output, error) = await RunAsync("diagram");

        Assert.True(exit == 0, error);
        Assert.Equal(StateMachineDiagram.ToMermaid(asl), output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Diagram_DefinitionFile_PrintsThatFile()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Diagram", "every-state-type.asl.json");

        var (exit, output, _) = await RunAsync("diagram", "--definition", file);

        Assert.Equal(0, exit);
        Assert.Equal(StateMachineDiagram.ToMermaid(File.ReadAllText(file)), output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("""{ "StartAt": "A" }""", "not a state machine definition")]
    [InlineData("not json", "not a state machine definition")]
    public async Task Diagram_BadDefinition_ExitsTwoWithOneLine(string content, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(file, content);
        try
        {
            var (exit, output, error) = await RunAsync("diagram", "--definition", file);

            Assert.Equal(2, exit);
            Assert.Empty(output);
            Assert.Contains(expected, error);
            Assert.Single(error.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        CliProcess.RunOfflineAsync(Path.GetTempPath(), TimeSpan.FromMinutes(1), args);
}
