namespace BlueGreen.Aws.LoadBalancing;

/// <summary>What CreateTargetGroup needs for an instance target group.</summary>
/// <param name="HealthCheckPath">Null leaves the service default ("/").</param>
public sealed record NewTargetGroup(string Name, string VpcId, string Protocol = "HTTP", int Port = 80)
{
    public string? HealthCheckPath { get; init; }

    public int? HealthCheckIntervalSeconds { get; init; }
}
