namespace BlueGreen.Core.Traffic;

/// <summary>
/// One ShiftTraffic iteration: set the weights, then watch alarms for <see cref="BakeSeconds"/>
/// before the next step (or before promotion after the last).
/// </summary>
public sealed record TrafficStep(int Index, int GreenWeight, int BakeSeconds)
{
    public int BlueWeight => 100 - GreenWeight;

    public bool IsLast => GreenWeight == 100;
}
