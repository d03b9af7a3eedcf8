namespace BlueGreen.Local.Moto;

public sealed record MotoServerOptions
{
    /// <summary>0 picks a free loopback port.</summary>
    public int Port { get; init; }

    /// <summary>Where moto's Step Functions engine sends its calls; null means moto itself.</summary>
    public int? LambdaPort { get; init; }

    /// <summary>Multiplies Wait-state and Retry-backoff sleeps (1 = real time).</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>Launcher workarounds to leave out, to show the moto defect each one fixes.</summary>
    public IReadOnlyList<string> WithoutWorkarounds { get; init; } = [];
}
