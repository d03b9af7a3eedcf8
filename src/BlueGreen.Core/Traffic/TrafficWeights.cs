namespace BlueGreen.Core.Traffic;

/// <summary>
/// The weights one traffic step writes: green's percent and blue's rest. Percent values fit both
/// limits (ALB 0–999 per target group, Route 53 0–255 per record), so no scaling is needed, and the
/// ratio is exactly the step's.
/// </summary>
public sealed record TrafficWeights(int Blue, int Green)
{
    public static TrafficWeights AllBlue { get; } = new(100, 0);

    public static TrafficWeights ForGreen(int greenPercent) =>
        greenPercent is >= 0 and <= 100
            ? new TrafficWeights(100 - greenPercent, greenPercent)
            : throw new ArgumentOutOfRangeException(nameof(greenPercent), greenPercent, "Green's share is a percent from 0 to 100.");
}
