namespace BlueGreen.Cli.Watching;

/// <summary>An execution named the way people name it: its ARN, or its name within the stack's state machine.</summary>
internal static class ExecutionArns
{
    /// <example>("shop-0abc…-20261202-071500", "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment")
    /// → "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:shop-0abc…-20261202-071500".</example>
    public static string Resolve(string execution, string stateMachineArn) =>
        execution.StartsWith("arn:", StringComparison.Ordinal)
            ? execution
            : stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + execution;
}
