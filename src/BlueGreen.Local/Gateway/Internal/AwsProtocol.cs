namespace BlueGreen.Local.Gateway.Internal;

/// <summary>The wire format of a call, which decides how injected errors are shaped.</summary>
internal enum AwsProtocol
{
    Query,
    Ec2Query,
    Json,
    RestJson,
    RestXml,
    Unknown,
}
