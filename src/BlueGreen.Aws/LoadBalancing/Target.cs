namespace BlueGreen.Aws.LoadBalancing;

/// <param name="Id">An instance id for instance target groups.</param>
/// <param name="Port">Null uses the target group's port.</param>
public sealed record Target(string Id, int? Port = null);
