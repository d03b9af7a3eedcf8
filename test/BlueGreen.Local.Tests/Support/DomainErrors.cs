namespace BlueGreen.Local.Tests.Support;

// Named like the workflow's domain errors: the type name is the ASL error name.
#pragma warning disable CA1711
public sealed class Transient(string message) : Exception(message);

public sealed class GreenUnhealthy(string message) : Exception(message);
#pragma warning restore CA1711
