using BlueGreen.Local.Faults;
using BlueGreen.Workflow.Tests.Faults.Strategies;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>One cell of the matrix: a strategy, the call that fails and how it fails.</summary>
public sealed record FaultCell(ICellStrategy Strategy, FaultTarget Target, FaultKind Kind)
{
    public string Name => $"{Strategy.Name} | {Target.Label} | {Kind}";

    /// <summary>Arms the fault in the gateway; the next matching calls take it.</summary>
    public void Inject(FaultRegistry faults)
    {
        var times = RetryBudget.Current.Times(Kind, Target);
        switch (Kind)
        {
            case FaultKind.ThrottledThenRecovered:
                faults.Throttle(Target.Service, Target.Operation, times, Target.Function);
                break;
            case FaultKind.ServerErrorUntilRetriesExhausted:
                faults.FailWithServerError(Target.Service, Target.Operation, times, Target.Function);
                break;
            default:
                faults.LoseResponse(Target.Service, Target.Operation, times, Target.Function);
                break;
        }
    }

    public override string ToString() => Name;
}
