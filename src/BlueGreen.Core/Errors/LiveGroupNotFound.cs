using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>No Auto Scaling group of the application is tagged live and settings name no group to adopt.</summary>
public sealed class LiveGroupNotFound : DeploymentError
{
    public LiveGroupNotFound(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
