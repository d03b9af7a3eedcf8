namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>What moto reads from a request's Authorization: the region and service of its credential scope.</summary>
internal static class MotoRequests
{
    public static HttpRequestMessage Post(Uri endpoint, string region, string service, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/")) { Content = content };
        // moto does not verify signatures unless told to; a well-formed scope is enough.
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=bluegreen-local/20260101/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }
}
