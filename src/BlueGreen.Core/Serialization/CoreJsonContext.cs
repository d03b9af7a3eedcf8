using System.Text.Json.Serialization;
using BlueGreen.Core.Health;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for every Core type passed between states, so
/// Lambdas (and a Native AOT build) serialize without reflection. camelCase, enums by their JSON
/// names, nulls omitted except where a contract lists the key (failure cause, outcome).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DeploymentTrigger))]
[JsonSerializable(typeof(DeploymentRequest))]
[JsonSerializable(typeof(ApplicationSettings))]
[JsonSerializable(typeof(TrafficPlan))]
[JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(InstanceHealth))]
[JsonSerializable(typeof(IReadOnlyList<InstanceHealth>))]
[JsonSerializable(typeof(HealthVerdict))]
[JsonSerializable(typeof(HealthDecision))]
[JsonSerializable(typeof(DeploymentOutcome))]
[JsonSerializable(typeof(FailureCause))]
[JsonSerializable(typeof(DeploymentStatusChange))]
[JsonSerializable(typeof(StepTiming))]
[JsonSerializable(typeof(Errors.Problem))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
