namespace BlueGreen.Aws.StepFunctions;

/// <param name="Definition">The Amazon States Language document (JSON text).</param>
/// <param name="Type">"STANDARD" or "EXPRESS".</param>
public sealed record NewStateMachine(
    string Name,
    string Definition,
    string RoleArn,
    string Type = "STANDARD",
    IReadOnlyDictionary<string, string>? Tags = null);
