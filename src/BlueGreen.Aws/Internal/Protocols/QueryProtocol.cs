using System.Net.Http.Headers;
using System.Xml.Linq;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>
/// The Query protocol (Auto Scaling, ELBv2, CloudWatch): a form-encoded POST of Action and
/// Version, answered by <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;</c> XML.
/// </summary>
internal sealed class QueryProtocol(AwsChannel channel, string version)
{
    /// <summary>Returns the <c>&lt;ActionResult&gt;</c> element (empty for actions without output).</summary>
    public async Task<XElement> SendAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var body = await channel.SendAsync(
            request.Action,
            () => new HttpRequestMessage(HttpMethod.Post, channel.Endpoint)
            {
                Content = Form(request),
            },
            ReadError,
            cancellationToken);
        var root = XElement.Parse(body);
        return root.Child(request.Action + "Result") ?? new XElement(request.Action + "Result");
    }

    private FormUrlEncodedContent Form(QueryRequest request)
    {
        var content = new FormUrlEncodedContent(
            [new("Action", request.Action), new("Version", version), .. request.Parameters]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</summary>
    internal static WireError ReadError(HttpResponseMessage response, string body)
    {
        try
        {
            var root = XElement.Parse(body);
            var code = root.Descendant("Code")?.Value;
            if (code is null)
            {
                return AwsChannel.Unreadable(response, body);
            }

            return new WireError(
                code,
                root.Descendant("Message")?.Value ?? "",
                root.Descendant("RequestId")?.Value ?? AwsChannel.RequestIdHeader(response));
        }
        catch (System.Xml.XmlException)
        {
            return AwsChannel.Unreadable(response, body);
        }
    }
}
