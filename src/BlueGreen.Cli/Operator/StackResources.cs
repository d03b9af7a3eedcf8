namespace BlueGreen.Cli.Operator;

/// <summary>What an operator command needs of the deployed stack, from its outputs.</summary>
/// <param name="StackName">The CloudFormation stack (<c>--stack</c>), also used in printed commands.</param>
internal sealed record StackResources(string StackName, string StateMachineArn, string LockTableName);
