using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// The deployment as every later state sees it (the ASL reads these property names): the
/// validated request, the effective settings, and the names derived from the execution.
/// </summary>
public sealed record Deployment(
    string DeploymentId,
    string ExecutionName,
    string ExecutionArn,
    string Application,
    string ImageId,
    TriggerKind Trigger,
    string? Reason,
    bool DryRun,
    DeploymentStrategy Strategy,
    ApplicationSettings Settings,
    DeploymentResourceNames Names,
    DateTimeOffset StartedAt);
