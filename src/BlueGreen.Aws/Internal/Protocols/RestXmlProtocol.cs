using System.Text;
using System.Xml.Linq;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>REST-XML (Route 53): the operation is the method and path, bodies are XML documents.</summary>
internal sealed class RestXmlProtocol(AwsChannel channel)
{
    /// <param name="pathAndQuery">Already escaped, e.g. <c>/2013-04-01/change/C123</c>.</param>
    public async Task<XElement> SendAsync(
        string operation, HttpMethod method, string pathAndQuery, XElement? body, CancellationToken cancellationToken)
    {
        var response = await channel.SendAsync(
            operation,
            () => new HttpRequestMessage(method, new Uri(channel.Endpoint, pathAndQuery))
            {
                Content = body is null
                    ? null
                    : new StringContent(new XDocument(new XDeclaration("1.0", "UTF-8", null), body).ToString(), Encoding.UTF8, "application/xml"),
            },
            QueryProtocol.ReadError, // the same <ErrorResponse><Error><Code> shape
            cancellationToken);
        return XElement.Parse(response);
    }
}
