namespace BlueGreen.Aws.StepFunctions;

/// <summary>The Step Functions calls BlueGreen makes: run and watch deployments, answer approvals,
/// deploy the state machine.</summary>
public interface IStepFunctions
{
    /// <param name="name">Unique per state machine for 90 days; null lets the service pick one.</param>
    /// <param name="input">JSON text.</param>
    /// <returns>The execution ARN.</returns>
    Task<string> StartExecutionAsync(string stateMachineArn, string? name, string input, CancellationToken cancellationToken = default);

    Task<Execution> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default);

    Task StopExecutionAsync(string executionArn, string? error = null, string? cause = null, CancellationToken cancellationToken = default);

    /// <summary>Every event, oldest first.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetExecutionHistoryAsync(string executionArn, CancellationToken cancellationToken = default);

    /// <summary>The newest events first, at most <paramref name="maxResults"/> (one page read with
    /// <c>reverseOrder</c>): the end of a long history without reading all of it.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetLatestHistoryAsync(string executionArn, int maxResults, CancellationToken cancellationToken = default);

    /// <param name="output">JSON text.</param>
    Task SendTaskSuccessAsync(string taskToken, string output, CancellationToken cancellationToken = default);

    Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken = default);

    /// <returns>The state machine ARN.</returns>
    Task<string> CreateStateMachineAsync(NewStateMachine stateMachine, CancellationToken cancellationToken = default);

    /// <summary>Changes the definition and/or role; null leaves each as it is.</summary>
    Task UpdateStateMachineAsync(string stateMachineArn, string? definition = null, string? roleArn = null, CancellationToken cancellationToken = default);

    /// <summary>The newest executions of the state machine first, at most <paramref name="maxResults"/> (one page).</summary>
    Task<IReadOnlyList<ExecutionSummary>> ListExecutionsAsync(string stateMachineArn, int maxResults, CancellationToken cancellationToken = default);

    /// <summary>One page of the state machine's executions, newest first: at most
    /// <paramref name="maxResults"/> (1–1000), continuing from <paramref name="nextToken"/> (null for
    /// the first page). For readers that stop early (history, status) instead of listing them all.</summary>
    Task<ExecutionPage> ListExecutionsPageAsync(string stateMachineArn, int maxResults, string? nextToken, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StateMachineSummary>> ListStateMachinesAsync(CancellationToken cancellationToken = default);

    Task<StateMachine> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken = default);
}
