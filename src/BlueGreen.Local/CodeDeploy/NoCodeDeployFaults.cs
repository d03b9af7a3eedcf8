using System.Diagnostics.CodeAnalysis;

namespace BlueGreen.Local.CodeDeploy;

/// <summary>Every deployment succeeds.</summary>
public sealed class NoCodeDeployFaults : ICodeDeployFaults
{
    public static NoCodeDeployFaults Instance { get; } = new();

    public bool TakeFailure(string applicationName, string deploymentGroupName, [NotNullWhen(true)] out string? reason)
    {
        reason = null;
        return false;
    }
}
