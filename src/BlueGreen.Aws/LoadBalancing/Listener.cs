namespace BlueGreen.Aws.LoadBalancing;

public sealed record Listener(
    string Arn,
    string LoadBalancerArn,
    int Port,
    string Protocol,
    IReadOnlyList<ListenerAction> DefaultActions);
