using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>A person rejected the deployment at the approval step.</summary>
public sealed class ApprovalRejected : DeploymentError
{
    public ApprovalRejected(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
