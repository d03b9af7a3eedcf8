using System.Text.Json.Serialization;

namespace BlueGreen.Functions.Contracts;

/// <summary>Source-generated JSON for the records passed between states (same options as Core's).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(NormalizeRequestInput))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(WorkflowState))]
[JsonSerializable(typeof(RefusalInput))]
[JsonSerializable(typeof(LockHeld))]
[JsonSerializable(typeof(LiveFleet))]
[JsonSerializable(typeof(TrafficPath))]
[JsonSerializable(typeof(GreenFleet))]
[JsonSerializable(typeof(GroupBefore))]
[JsonSerializable(typeof(CodeDeployRun))]
[JsonSerializable(typeof(Progress))]
[JsonSerializable(typeof(TrafficShift))]
[JsonSerializable(typeof(RollbackOutcome))]
[JsonSerializable(typeof(Promoted))]
[JsonSerializable(typeof(BlueRetirement))]
[JsonSerializable(typeof(BlueGreen.Core.Outputs.DeploymentOutcome))]
[JsonSerializable(typeof(DeploymentPlan))]
[JsonSerializable(typeof(ApprovalRequestInput))]
[JsonSerializable(typeof(ApprovalRequested))]
[JsonSerializable(typeof(ApprovalAnswer))]
[JsonSerializable(typeof(BlueWatch))]
[JsonSerializable(typeof(StoppedDeploymentCleanup))]
[JsonSerializable(typeof(ImageTagAwaited))]
[JsonSerializable(typeof(IgnoredTrigger))]
[JsonSerializable(typeof(RecoverStoppedDeploymentInput))]
[JsonSerializable(typeof(Recovery))]
[JsonSerializable(typeof(CleanupOutcome))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
public sealed partial class FunctionJsonContext : JsonSerializerContext;
