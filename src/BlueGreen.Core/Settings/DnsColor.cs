namespace BlueGreen.Core.Settings;

/// <summary>One Route 53 weighted record (by set identifier) and the ALB and target group behind it.</summary>
public sealed record DnsColor(string SetIdentifier, string LoadBalancerArn, string TargetGroupArn);
