namespace BlueGreen.Aws.CloudFormation;

/// <summary>A stack as DescribeStacks returns it, reduced to what BlueGreen reads.</summary>
/// <param name="Status">e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE.</param>
/// <param name="Outputs">OutputKey → OutputValue.</param>
public sealed record StackDescription(
    string StackName,
    string? StackId,
    string Status,
    IReadOnlyDictionary<string, string> Outputs);
