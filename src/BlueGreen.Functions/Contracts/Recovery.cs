namespace BlueGreen.Functions.Contracts;

/// <summary>
/// What RecoverStoppedDeployment decided, at <c>$.recovery</c> of the state it returns. The ASL's
/// IsRollbackOfStoppedDeploymentNeeded Choice reads <c>action</c>: <c>RollBack</c> (the rest of
/// the state is the stopped execution's, with <c>$.failure</c> = DeploymentStopped, for RollBack) or
/// <c>Finished</c> (<c>outcome</c> is the execution's output).
/// </summary>
public sealed record Recovery(string Action, string StoppedExecution, string Status, CleanupOutcome? Outcome = null)
{
    public const string RollBack = nameof(RollBack);
    public const string Finished = nameof(Finished);
}
