namespace BlueGreen.Aws.CodeDeploy;

/// <param name="Type">"KEY_ONLY", "VALUE_ONLY" or "KEY_AND_VALUE".</param>
public sealed record Ec2TagFilter(string? Key, string? Value, string Type);
