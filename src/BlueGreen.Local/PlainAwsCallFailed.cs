namespace BlueGreen.Local;

public sealed class PlainAwsCallFailed(string service, string operation, int status, string body)
    : Exception($"{service} {operation} answered HTTP {status}: {body}")
{
    public int Status { get; } = status;

    public string Body { get; } = body;
}
