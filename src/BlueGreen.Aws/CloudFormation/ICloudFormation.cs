namespace BlueGreen.Aws.CloudFormation;

/// <summary>The CloudFormation call BlueGreen makes: read a deployed stack's outputs (the CLI finds
/// the state machine and lock table of <c>--stack</c> with it).</summary>
public interface ICloudFormation
{
    /// <summary>The stack by name or stack id; null when no such stack exists (CloudFormation answers
    /// <c>ValidationError</c> "Stack with id X does not exist").</summary>
    Task<StackDescription?> DescribeStackAsync(string stackName, CancellationToken cancellationToken = default);
}
