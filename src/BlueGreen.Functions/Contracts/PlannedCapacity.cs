namespace BlueGreen.Functions.Contracts;

/// <summary>Green's sizes, copied from blue.</summary>
public sealed record PlannedCapacity(int MinSize, int MaxSize, int DesiredCapacity);
