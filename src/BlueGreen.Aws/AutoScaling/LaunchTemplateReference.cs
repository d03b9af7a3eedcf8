namespace BlueGreen.Aws.AutoScaling;

/// <summary>A launch template by id or by name.</summary>
/// <param name="Version">A version number, "$Latest" or "$Default"; null means "$Default".</param>
public sealed record LaunchTemplateReference(string? Id = null, string? Name = null, string? Version = null);
