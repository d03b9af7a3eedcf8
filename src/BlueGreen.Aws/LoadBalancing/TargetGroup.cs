namespace BlueGreen.Aws.LoadBalancing;

/// <param name="TargetType">"instance", "ip", "lambda" or "alb".</param>
public sealed record TargetGroup(
    string Arn,
    string Name,
    string? Protocol,
    int? Port,
    string? VpcId,
    string TargetType,
    string? HealthCheckPath,
    IReadOnlyList<string> LoadBalancerArns);
