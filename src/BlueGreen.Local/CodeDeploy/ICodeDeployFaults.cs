using System.Diagnostics.CodeAnalysis;

namespace BlueGreen.Local.CodeDeploy;

/// <summary>Failures requested for the next deployment of a group (the gateway's fault registry).</summary>
public interface ICodeDeployFaults
{
    /// <summary>
    /// Consumes one pending failure for the group, if any. <paramref name="reason"/> is either a
    /// CodeDeploy error code (e.g. <c>HEALTH_CONSTRAINTS</c>, <c>TIMEOUT</c>) or a message, which
    /// is then reported under <c>HEALTH_CONSTRAINTS</c>.
    /// </summary>
    bool TakeFailure(string applicationName, string deploymentGroupName, [NotNullWhen(true)] out string? reason);
}
