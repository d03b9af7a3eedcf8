using System.Text.Json;

namespace BlueGreen.Functions.Contracts;

/// <summary>What the NormalizeRequest state passes: the execution input untouched, and the
/// execution's name, from which every name the deployment creates is derived.</summary>
public sealed record NormalizeRequestInput(JsonElement Input, string ExecutionName, string? ExecutionArn, DateTimeOffset? StartedAt);
