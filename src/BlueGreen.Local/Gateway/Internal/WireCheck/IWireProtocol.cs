namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>One wire protocol's reading of a request against a service model: which operation it
/// names and how its parameters break the operation's input shape.</summary>
internal interface IWireProtocol
{
    WireVerdict Check(ServiceModel model, WireRequest request);
}
