using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>Nobody approved the deployment before the approval timeout.</summary>
public sealed class ApprovalTimedOut : DeploymentError
{
    public ApprovalTimedOut(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
