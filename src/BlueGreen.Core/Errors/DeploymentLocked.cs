using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>Another deployment of the same application holds the lock; the message names the holder.</summary>
public sealed class DeploymentLocked : DeploymentError
{
    public DeploymentLocked(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
