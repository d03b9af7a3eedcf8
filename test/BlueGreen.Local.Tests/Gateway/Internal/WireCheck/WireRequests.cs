using System.Text;
using BlueGreen.Local.Gateway.Internal;
using BlueGreen.Local.Gateway.Internal.WireCheck;

namespace BlueGreen.Local.Tests.Gateway.Internal.WireCheck;

/// <summary>Hand-made requests as each protocol sends them, and the checker's verdict on them.</summary>
internal static class WireRequests
{
    public static WireVerdict Query(string service, string form, bool ec2 = false) =>
        WireChecker.Check(
            new AwsCall(service, "ignored", "us-east-1", ec2 ? AwsProtocol.Ec2Query : AwsProtocol.Query),
            new WireRequest("POST", "/", "", Headers(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")), Encoding.UTF8.GetBytes(form)));

    public static WireVerdict JsonRpc(string service, string target, string body, string contentType = "application/x-amz-json-1.0") =>
        WireChecker.Check(
            new AwsCall(service, "ignored", "us-east-1", AwsProtocol.Json),
            new WireRequest("POST", "/", "", Headers(("X-Amz-Target", target), ("Content-Type", contentType)), Encoding.UTF8.GetBytes(body)));

    public static WireVerdict Rest(string service, AwsProtocol protocol, string method, string path, string query = "", string body = "", params (string Name, string Value)[] headers) =>
        WireChecker.Check(
            new AwsCall(service, "ignored", "us-east-1", protocol),
            new WireRequest(method, path, query, Headers(headers), Encoding.UTF8.GetBytes(body)));

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
