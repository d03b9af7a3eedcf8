using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>The AMI is not available, not owned by an allowed owner, or not tagged for an application.</summary>
public sealed class ImageNotAllowed : DeploymentError
{
    public ImageNotAllowed(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
