namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>deploymentInfo.rollbackInfo: set on a stopped deployment and on the rollback it started.</summary>
internal sealed record RollbackInfo(string? RollbackDeploymentId, string? RollbackTriggeringDeploymentId, string? RollbackMessage);
