using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Executions;

/// <summary>How the CLI's commands name an execution: its ARN, or its name within a state machine
/// given by name or ARN (the stack's is BlueGreenDeployment).</summary>
public static class ExecutionReference
{
    /// <returns>The state machine's ARN, or null when no state machine has that name here.</returns>
    public static async Task<string?> StateMachineArnAsync(IStepFunctions stepFunctions, string stateMachine, CancellationToken cancellationToken) =>
        stateMachine.StartsWith("arn:", StringComparison.Ordinal)
            ? stateMachine
            : (await stepFunctions.ListStateMachinesAsync(cancellationToken)).FirstOrDefault(m => m.Name == stateMachine)?.Arn;

    /// <returns>The execution's ARN (an ARN as given), or null when the state machine is unknown.</returns>
    public static async Task<string?> ResolveAsync(IStepFunctions stepFunctions, string execution, string stateMachine, CancellationToken cancellationToken)
    {
        if (execution.StartsWith("arn:", StringComparison.Ordinal))
        {
            return execution;
        }

        return await StateMachineArnAsync(stepFunctions, stateMachine, cancellationToken) is { } machineArn
            ? machineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + execution
            : null;
    }
}
