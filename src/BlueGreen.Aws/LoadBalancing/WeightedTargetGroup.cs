namespace BlueGreen.Aws.LoadBalancing;

public sealed record WeightedTargetGroup(string TargetGroupArn, int Weight);
