using BlueGreen.Core.Requests;

namespace BlueGreen.Functions.Contracts;

/// <summary>The RecoverStoppedDeployment task's Parameters: the stopped execution (from
/// NormalizeRequest) and this cleanup execution's own ARN (<c>$$.Execution.Id</c>), which claims it.</summary>
public sealed record RecoverStoppedDeploymentInput(StoppedExecution StoppedExecution, string CleanupExecutionArn);
