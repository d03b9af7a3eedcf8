using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>Real Step Functions executions to hold locks: one that keeps running (a very long Wait)
/// and one that has ended, from two small state machines of the tests' own.</summary>
public sealed class LockExecutions(FunctionsCloud cloud)
{
    private const string Role = "arn:aws:iam::123456789012:role/bluegreen-tests";

    private const string HoldDefinition = """
        { "StartAt": "First",
          "States": {
            "First": { "Type": "Pass", "Next": "Hold" },
            "Hold": { "Type": "Wait", "Seconds": 99999999, "End": true } } }
        """;

    private const string EndDefinition = """
        { "StartAt": "Done", "States": { "Done": { "Type": "Pass", "End": true } } }
        """;

    private string? _holdMachine;
    private string? _endMachine;

    /// <summary>An execution that DescribeExecution reports RUNNING for the rest of the test run.</summary>
    public async Task<string> StartRunningAsync()
    {
        _holdMachine ??= await CreateAsync("locktest-hold", HoldDefinition);
        var arn = await cloud.Aws.StepFunctions.StartExecutionAsync(_holdMachine, "run-" + Guid.NewGuid().ToString("N")[..12], "{}");
        // Wait until it has passed First, so its history has a finished state.
        await UntilAsync(async () => (await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(arn)).Any(e => e.Type == "WaitStateEntered"));
        return arn;
    }

    /// <summary>An execution that has already SUCCEEDED.</summary>
    public async Task<string> StartEndedAsync()
    {
        _endMachine ??= await CreateAsync("locktest-end", EndDefinition);
        var arn = await cloud.Aws.StepFunctions.StartExecutionAsync(_endMachine, "end-" + Guid.NewGuid().ToString("N")[..12], "{}");
        await UntilAsync(async () => (await cloud.Aws.StepFunctions.DescribeExecutionAsync(arn)).Status != ExecutionStatus.Running);
        return arn;
    }

    /// <summary>An execution stopped (ABORTED) while in a state named <paramref name="stateName"/>,
    /// whose input there was <paramref name="input"/>: what a deployment stopped in that state leaves
    /// in its history.</summary>
    public async Task<string> StartStoppedAsync(string stateName, string input)
    {
        var machine = await CreateAsync("locktest-stop", $$"""
            { "StartAt": "First",
              "States": {
                "First": { "Type": "Pass", "Next": "{{stateName}}" },
                "{{stateName}}": { "Type": "Wait", "Seconds": 99999999, "End": true } } }
            """);
        var arn = await cloud.Aws.StepFunctions.StartExecutionAsync(machine, "stop-" + Guid.NewGuid().ToString("N")[..12], input);
        await UntilAsync(async () => (await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(arn)).Any(e => e.Type == "WaitStateEntered"));
        await cloud.Aws.StepFunctions.StopExecutionAsync(arn, "DeploymentAborted", "test stop");
        await UntilAsync(async () => (await cloud.Aws.StepFunctions.DescribeExecutionAsync(arn)).Status == ExecutionStatus.Aborted);
        return arn;
    }

    private async Task<string> CreateAsync(string prefix, string definition) =>
        await cloud.Aws.StepFunctions.CreateStateMachineAsync(new NewStateMachine($"{prefix}-{Guid.NewGuid():N}"[..40], definition, Role));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("The test execution did not reach the expected state within 30 s.");
            }

            await Task.Delay(100);
        }
    }
}
