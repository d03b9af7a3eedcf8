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

/// <summary>Green's instances: in service in the group, and healthy in every target group it is in.</summary>
internal sealed record GreenCounts(string GroupName, int Desired, int InService, int Healthy, int TargetGroups);
