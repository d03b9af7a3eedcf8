using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>The green Auto Scaling group could not be created or its instances did not launch.</summary>
public sealed class GreenLaunchFailed : DeploymentError
{
    public GreenLaunchFailed(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
