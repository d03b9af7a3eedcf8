using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>A watched CloudWatch alarm went into ALARM while traffic moved or blue waited.</summary>
public sealed class AlarmFired : DeploymentError
{
    public AlarmFired(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
