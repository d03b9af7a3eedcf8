namespace BlueGreen.Core.Outputs;

/// <summary>How long one workflow state took, for the execution output's <c>steps</c>.</summary>
public sealed record StepTiming(string Name, DateTimeOffset StartedAt, DateTimeOffset EndedAt, double Seconds)
{
    /// <summary>Seconds are rounded to milliseconds; an end before the start counts as zero.</summary>
    public static StepTiming Between(string name, DateTimeOffset startedAt, DateTimeOffset endedAt) =>
        new(name, startedAt, endedAt, Math.Round(Math.Max(0, (endedAt - startedAt).TotalSeconds), 3));

    /// <summary>Closes a step that started at <paramref name="startedAt"/> now.</summary>
    public static StepTiming EndingNow(string name, DateTimeOffset startedAt, TimeProvider time) =>
        Between(name, startedAt, time.GetUtcNow());
}
