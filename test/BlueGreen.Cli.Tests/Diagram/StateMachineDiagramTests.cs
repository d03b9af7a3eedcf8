using BlueGreen.Cli.Diagram;

namespace BlueGreen.Cli.Tests.Diagram;

public sealed class StateMachineDiagramTests
{
    [Fact]
    public void ToMermaid_EveryStateType_DrawsEdgesLabelsAndEnds()
    {
        var definition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Diagram", "every-state-type.asl.json"));

        var mermaid = StateMachineDiagram.ToMermaid(definition);

        Assert.Equal("""
            stateDiagram-v2
                classDef choice fill:#fff4d6,stroke:#b58900
                classDef wait fill:#e8eef7,stroke:#4a6fa5
                classDef pass fill:#f2f2f2,stroke:#777777
                classDef succeed fill:#e3f4e1,stroke:#2e7d32
                classDef fail fill:#fbe3e1,stroke:#c62828
                state "Fan out" as s5
                [*] --> Check
                Check --> Route
                Check --> Undo : GreenUnhealthy, AlarmFired
                Check --> Broken : States.ALL
                Route --> Undo : recovery.action = RollBack
                Route --> Pause : progress.percent <= traffic.percent
                Route --> s5 : a.ready = true and not b.skip present
                Route --> Each : (c is null or d.count > 3)
                Route --> Done : otherwise
                Pause : wait 10 s
                Pause --> Later
                Later : wait traffic.waitSeconds
                Later --> Check
                state s5 {
                    [*] --> Left
                    Left --> [*]
                    --
                    [*] --> Right
                    Right --> [*]
                }
                s5 --> Done
                state Each {
                    [*] --> One
                    One --> [*]
                }
                Each --> Tidy
                Tidy --> [*]
                Done --> [*]
                Undo : error RolledBack
                Undo --> [*]
                Broken : error from failure.Error
                Broken --> [*]
                class Route choice
                class Pause, Later wait
                class Tidy, Left, Right pass
                class Done, One succeed
                class Undo, Broken fail

            """.ReplaceLineEndings("\n"), mermaid);
    }

    [Fact]
    public void ToMermaid_NextToAMissingState_FailsNamingIt()
    {
        var failure = Assert.Throws<ArgumentException>(() => StateMachineDiagram.ToMermaid("""
            { "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "Nowhere" } } }
            """));

        Assert.Contains("Nowhere", failure.Message);
    }
}
