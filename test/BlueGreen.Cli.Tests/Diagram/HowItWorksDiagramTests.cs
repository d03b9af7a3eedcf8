using System.Text.RegularExpressions;
using BlueGreen.Cli.Diagram;

namespace BlueGreen.Cli.Tests.Diagram;

/// <summary>The ```mermaid block of docs/how-it-works.md is the diagram of
/// statemachine/bluegreen.asl.json; BLUEGREEN_UPDATE_DOCS=1 rewrites it.</summary>
public sealed partial class HowItWorksDiagramTests
{
    public const string RefreshHint =
        "Refresh it: BLUEGREEN_UPDATE_DOCS=1 dotnet test test/BlueGreen.Cli.Tests --filter \"FullyQualifiedName~HowItWorksDiagramTests\" (or paste the output of `bluegreen diagram`), then commit docs/how-it-works.md.";

    [Fact]
    public void HowItWorks_MermaidBlock_IsTheDiagramOfTheAsl()
    {
        var root = RepositoryRootFinder.Find();
        var docsPath = Path.Combine(root, "docs", "how-it-works.md");
        var docs = File.ReadAllText(docsPath).ReplaceLineEndings("\n");
        var expected = StateMachineDiagram.ToMermaid(File.ReadAllText(Path.Combine(root, "statemachine", "bluegreen.asl.json")));
        var blocks = MermaidBlock().Matches(docs);
        Assert.True(blocks.Count == 1, $"docs/how-it-works.md should hold exactly one ```mermaid block, found {blocks.Count}. {RefreshHint}");
        var shown = blocks[0].Groups["body"].Value;

        if (shown != expected && Environment.GetEnvironmentVariable("BLUEGREEN_UPDATE_DOCS") == "1")
        {
            var body = blocks[0].Groups["body"];
            File.WriteAllText(docsPath, docs[..body.Index] + expected + docs[(body.Index + body.Length)..]);
            return;
        }

        Assert.True(shown == expected, $"docs/how-it-works.md shows a diagram that is not statemachine/bluegreen.asl.json's. {RefreshHint}\n--- expected ---\n{expected}");
    }

    [GeneratedRegex(@"^```mermaid\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
