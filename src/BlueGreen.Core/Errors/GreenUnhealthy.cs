using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>Green did not become healthy in time; details list the unhealthy instances and why.</summary>
public sealed class GreenUnhealthy : DeploymentError
{
    public GreenUnhealthy(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
