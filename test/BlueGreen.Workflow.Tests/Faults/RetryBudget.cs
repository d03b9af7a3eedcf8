using System.Text.Json.Nodes;
using BlueGreen.Aws;
using BlueGreen.Workflow.Tests.Definition;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// How many failures in a row exhaust every retry layer in front of a call, read from where each
/// layer is configured so the matrix follows when they change: the handlers' AWS clients
/// (<see cref="RetryOptions.MaxAttempts"/>, attempts per invocation) and the ASL's Retry on Lambda
/// tasks (MaxAttempts re-invocations after the first). moto's engine adds no retries of its own
/// to a Lambda invoke (docs/local-cloud.md).
/// </summary>
public sealed record RetryBudget(int ClientAttempts, int AslRetriesOnTransient, int AslRetriesOnLambdaErrors)
{
    public static RetryBudget Current { get; } = Read();

    /// <summary>Server errors that outlast one step: every invocation's client attempts, for the
    /// first invocation and each ASL retry.</summary>
    public int ServerErrorsForAwsCall => ClientAttempts * (1 + AslRetriesOnTransient);

    /// <summary>Server errors that outlast the ASL's Retry of a Lambda service error.</summary>
    public int ServerErrorsForLambdaInvoke => 1 + AslRetriesOnLambdaErrors;

    public const int Throttles = 2;

    public const int LostAnswers = 1;

    public int Times(FaultKind kind, FaultTarget target) => kind switch
    {
        FaultKind.ThrottledThenRecovered => Throttles,
        FaultKind.AnswerLost => LostAnswers,
        _ => target.IsLambdaInvoke ? ServerErrorsForLambdaInvoke : ServerErrorsForAwsCall,
    };

    private static RetryBudget Read()
    {
        var retriers = StateMachineDefinition.Load().States()
            .Where(s => s.State["Type"]?.GetValue<string>() == "Task")
            .SelectMany(s => s.State["Retry"]?.AsArray() ?? [])
            .Select(r => r!.AsObject())
            .ToList();
        return new RetryBudget(new RetryOptions().MaxAttempts, MostAttempts(retriers, "Transient"), MostAttempts(retriers, "Lambda.ServiceException"));
    }

    /// <summary>The largest MaxAttempts of a retrier listing <paramref name="error"/> (ASL default 3).</summary>
    private static int MostAttempts(IEnumerable<JsonObject> retriers, string error) =>
        retriers.Where(r => r["ErrorEquals"]!.AsArray().Any(e => e!.GetValue<string>() == error))
            .Select(r => r["MaxAttempts"]?.GetValue<int>() ?? 3)
            .DefaultIfEmpty(0)
            .Max();
}
