using System.Text.Json.Serialization;

namespace BlueGreen.Functions.Contracts;

/// <summary>Source-generated JSON for the records passed between states (same options as Core's).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(NormalizeRequestInput))]
[JsonSerializable(typeof(Deployment))]
public sealed partial class FunctionJsonContext : JsonSerializerContext;
