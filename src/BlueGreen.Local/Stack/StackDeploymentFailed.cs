namespace BlueGreen.Local.Stack;

/// <summary>The template could not be deployed locally; the message names what is wrong
/// (e.g. every unresolved <c>${...}</c> of a state machine definition).</summary>
public sealed class StackDeploymentFailed(string message) : Exception(message);
