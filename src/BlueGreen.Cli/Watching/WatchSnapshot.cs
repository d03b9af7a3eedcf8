using BlueGreen.Core.Outputs;

namespace BlueGreen.Cli.Watching;

/// <summary>What a watcher knows of a running deployment at one moment; the live view draws it.</summary>
internal sealed record WatchSnapshot(
    string ExecutionName,
    string? Application,
    string? ImageId,
    string? State,
    TimeSpan Elapsed,
    TimeSpan InState,
    GreenCounts? Green,
    TrafficSplit? Traffic,
    IReadOnlyList<string>? ApprovalCommands);
