using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>The CodeDeploy deployment to the green fleet failed, was stopped or timed out.</summary>
public sealed class CodeDeployFailed : DeploymentError
{
    public CodeDeployFailed(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
