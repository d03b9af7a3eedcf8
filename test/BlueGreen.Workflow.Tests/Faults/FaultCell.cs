using BlueGreen.Local.Faults;
using BlueGreen.Workflow.Tests.Faults.Strategies;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>One cell of the matrix: a strategy, the call that fails and how it fails.</summary>
public sealed record FaultCell(ICellStrategy Strategy, FaultTarget Target, FaultKind Kind)
{
    /// <summary>What makes a deployment roll back quickly for a cell whose call is RollBack's: the
    /// ShiftTraffic invoke fails with Lambda 5xx until the ASL's retries ran out (green exists and
    /// passed its health check by then; no traffic has moved).</summary>
    public const string RollbackTrigger = "ShiftTrafficFunction";

    public string Name => $"{Strategy.Name} | {Target.Label} | {Kind}";

    private int Times => RetryBudget.Current.Times(Kind, Target);

    /// <summary>Arms the fault in the gateway (and the rollback trigger when the call is RollBack's).</summary>
    public void Inject(FaultRegistry faults)
    {
        if (Target.InRollback)
        {
            faults.FailWithServerError("lambda", "Invoke", RetryBudget.Current.ServerErrorsForLambdaInvoke, RollbackTrigger);
        }

        switch (Kind)
        {
            case FaultKind.ThrottledThenRecovered:
                faults.Throttle(Target.Service, Target.Operation, Times, Target.Function);
                break;
            case FaultKind.ServerErrorUntilRetriesExhausted:
                faults.FailWithServerError(Target.Service, Target.Operation, Times, Target.Function);
                break;
            default:
                faults.LoseResponse(Target.Service, Target.Operation, Times, Target.Function);
                break;
        }
    }

    /// <summary>Whether at least one matching call took the fault (read before the faults are cleared).
    /// A cell whose fault was never reached holds its invariants trivially.</summary>
    public bool WasReached(FaultRegistry faults) =>
        !faults.Snapshot().Operations.Any(f => f.Service == Target.Service && f.Operation == Target.Operation && f.Function == Target.Function && f.Remaining == Times);

    /// <summary>How many of the run's writes this fault answered instead of the service (a throttle
    /// or 5xx on an AWS write: the first matching calls, up to the fault's count).</summary>
    public int RejectedWrites(DeploymentWrites writes) =>
        Kind == FaultKind.AnswerLost || Target.IsLambdaInvoke
            ? 0
            : Math.Min(Times, writes.Writes.Count(w => w.Service == Target.Service && w.Operation == Target.Operation && (Target.Function is null || w.Function == Target.Function)));

    public override string ToString() => Name;
}
