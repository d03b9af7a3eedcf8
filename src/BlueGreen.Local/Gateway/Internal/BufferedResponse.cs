using System.Text;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>A whole HTTP response held in memory, so the gateway can rewrite it before answering.</summary>
internal sealed class BufferedResponse(int status, byte[] body)
{
    public int Status { get; set; } = status;

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[] Body { get; set; } = body;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static BufferedResponse Text(int status, string contentType, string body)
    {
        var response = new BufferedResponse(status, Encoding.UTF8.GetBytes(body));
        response.Headers.Add(new("Content-Type", contentType));
        response.Headers.Add(new("x-amzn-RequestId", Guid.NewGuid().ToString()));
        return response;
    }
}
