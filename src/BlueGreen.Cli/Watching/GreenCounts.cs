namespace BlueGreen.Cli.Watching;

/// <summary>Green's instances: in service in the group, and healthy in every target group it is in.</summary>
internal sealed record GreenCounts(string GroupName, int Desired, int InService, int Healthy, int TargetGroups);
