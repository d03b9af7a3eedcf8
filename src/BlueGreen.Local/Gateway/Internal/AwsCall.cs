namespace BlueGreen.Local.Gateway.Internal;

/// <summary>One AWS request as the gateway understood it.</summary>
internal sealed record AwsCall(string Service, string Operation, string Region, AwsProtocol Protocol, bool QueryCompatibleJson = false);
