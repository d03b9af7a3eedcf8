namespace BlueGreen.Local.Moto;

/// <summary>moto_server is missing or would not start; the message says how to install it.</summary>
public sealed class MotoUnavailable(string message) : Exception(message);
