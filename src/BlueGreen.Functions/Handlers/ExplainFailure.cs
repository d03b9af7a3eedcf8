using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Handlers;

/// <summary>State ExplainRefusal: a request refused before any write (invalid, image not allowed,
/// locked) ends with its own error name and the contract's cause, rolledBack false. Calls nothing.</summary>
public sealed class ExplainFailure(FunctionServices services)
    : JsonFunction<RefusalInput, RollbackOutcome>(services, FunctionJsonContext.Default.RefusalInput, FunctionJsonContext.Default.RollbackOutcome)
{
    public ExplainFailure()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<RollbackOutcome> RunAsync(RefusalInput input, StepLog log, CancellationToken cancellationToken)
    {
        var failure = OriginalFailure.From(input.Failure);
        log.Info("Refused with {Error}: {Reason}", failure.Error, failure.Message);
        return Task.FromResult(failure.ToOutcome(rolledBack: false, liveGroup: null));
    }
}
