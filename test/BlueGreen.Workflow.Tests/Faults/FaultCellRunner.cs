using System.Diagnostics;
using BlueGreen.Local;
using BlueGreen.Local.Faults;
using BlueGreen.Workflow.Tests.Definition;
using BlueGreen.Workflow.Tests.Faults.Strategies;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// Runs one deployment on the shared cloud: seeds a fresh application for the strategy, arms the
/// fault, runs the real ASL to its end, clears every fault, then checks the end-state invariants.
/// Cells run one at a time: a fault armed in the gateway matches any caller.
/// </summary>
public sealed class FaultCellRunner(WorkflowCloud cloud)
{
    /// <summary>Real seconds green gets to become healthy (the schema's minimum): a healthy green
    /// passes at once, an unhealthy one fails after this long.</summary>
    public const int HealthTimeoutSeconds = 30;

    private static readonly TimeSpan ExecutionTimeout = TimeSpan.FromMinutes(4);

    public Task<CellResult> RunAsync(FaultCell cell) =>
        RunAsync(cell.Name, cell.Strategy, cell.Kind, cell.Target.IsLambdaInvoke, (faults, _) => cell.Inject(faults), cell.WasReached, cell.RejectedWrites);

    /// <summary>A run without an operation fault; <paramref name="arrange"/> may set other faults (an unhealthy AMI).</summary>
    public async Task<CellResult> RunAsync(
        string name, ICellStrategy strategy, FaultKind? kind, bool lambdaInvoke, Action<FaultRegistry, CellApplication>? arrange,
        Func<FaultRegistry, bool>? reached = null, Func<DeploymentWrites, int>? rejected = null)
    {
        var watch = Stopwatch.StartNew();
        var application = await strategy.SeedAsync(cloud, HealthTimeoutSeconds);
        var before = await LaunchTemplateVersions.ReadAsync(cloud, application.SeededTemplateIds);
        var start = cloud.Cloud.Calls.Writes().Count;
        EndState end;
        IReadOnlyList<string> invoked;
        bool? faultReached = null;
        try
        {
            arrange?.Invoke(cloud.Cloud.Faults, application);
            var arn = await cloud.Cloud.StartExecutionAsync(cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine), AmiEvents.Available(application.Sample.NewImageId));
            end = await EndAsync(arn);
            invoked = await InvokedFunctionsAsync(arn);
            faultReached = reached?.Invoke(cloud.Cloud.Faults);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }

        var journal = DeploymentWrites.Since(cloud.Cloud.Calls, start);
        var writes = journal with { Rejected = rejected?.Invoke(journal) ?? 0 };
        var violations = await new EndStateInvariants(cloud, strategy, application).CheckAsync(end, writes, before);
        return new CellResult(name, strategy.Name, kind, lambdaInvoke, end, violations, watch.Elapsed, writes, invoked) { FaultReached = faultReached };
    }

    private async Task<EndState> EndAsync(string executionArn)
    {
        try
        {
            return EndState.Of(await cloud.Cloud.WaitForExecutionAsync(executionArn, ExecutionTimeout));
        }
        catch (TimeoutException)
        {
            await cloud.Aws.StepFunctions.StopExecutionAsync(executionArn, "FaultMatrix", "still running when the cell's time ran out");
            return EndState.StillRunning;
        }
    }

    /// <summary>The Lambda functions the execution's Task states invoked, from its history and the ASL.</summary>
    private async Task<IReadOnlyList<string>> InvokedFunctionsAsync(string executionArn)
    {
        var history = await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(executionArn);
        return history.Where(e => e.Type == "TaskStateEntered" && e.StateName is not null)
            .Select(e => FunctionOf(e.StateName!))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static readonly Dictionary<string, string> FunctionByState = StateMachineDefinition.Load().States()
        .Select(s => (s.Name, Resource: s.State["Resource"]?.GetValue<string>() ?? s.State["Parameters"]?["FunctionName"]?.GetValue<string>()))
        .Where(s => s.Resource is ['$', '{', .., 'A', 'r', 'n', '}'])
        .GroupBy(s => s.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Resource![2..^4], StringComparer.Ordinal);

    private static string? FunctionOf(string state) => FunctionByState.GetValueOrDefault(state);
}
