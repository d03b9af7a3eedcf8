using System.Net;
using System.Text.Json.Nodes;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Signing;

/// <summary>
/// moto does not serve Image Builder, so it cannot check the signature of a REST-JSON GET whose
/// query holds an escaped ARN; botocore recomputes it instead, from the request as sent.
/// </summary>
public sealed class RestJsonSignatureTests
{
    private const string Check = """
        import json, sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        sent = json.load(sys.stdin)
        request = AWSRequest(method=sent["method"], url=sent["url"], headers=sent["headers"], data=b"")
        request.context["timestamp"] = sent["headers"]["X-Amz-Date"]
        auth = SigV4Auth(Credentials("test", "test"), "imagebuilder", "us-east-1")
        canonical = auth.canonical_request(request)
        print(json.dumps({"signature": auth.signature(auth.string_to_sign(request, canonical), request), "canonical": canonical}))
        """;

    [Fact]
    public async Task GetImage_ArnInTheQuery_SignedAsBotocoreSignsIt()
    {
        // Arrange: answer in place; only the signed request matters.
        var intercept = new InterceptingHandler
        {
            Respond = _ =>
            {
                var notFound = InterceptingHandler.Reply(HttpStatusCode.NotFound, """{"message":"not found"}""", "application/json");
                notFound.Headers.Add("x-amzn-ErrorType", "ResourceNotFoundException");
                return notFound;
            },
        };
        using var clients = new AwsClients(MotoFixture.Settings(new Uri("http://127.0.0.1:1")), intercept);

        // Act
        await clients.ImageBuilder.GetImageAsync("arn:aws:imagebuilder:us-east-1:123456789012:image/shop-recipe/1.0.0/1");

        // Assert
        var recorded = Assert.Single(intercept.Requests);
        var sent = recorded.Message;
        var authorization = recorded.Authorization!["AWS4-HMAC-SHA256 ".Length..];
        var signedHeaders = Part(authorization, "SignedHeaders").Split(';');
        var headers = new JsonObject();
        foreach (var name in signedHeaders.Where(h => h != "host"))
        {
            headers[name == "x-amz-date" ? "X-Amz-Date" : name] = string.Join(",", sent.Headers.GetValues(name));
        }

        headers["host"] = sent.RequestUri!.Authority;
        var expected = await BotocoreAsync(new JsonObject { ["method"] = "GET", ["url"] = sent.RequestUri.AbsoluteUri, ["headers"] = headers });
        Assert.Contains("imageBuildVersionArn=arn%3Aaws%3Aimagebuilder%3Aus-east-1%3A123456789012%3Aimage%2Fshop-recipe%2F1.0.0%2F1", expected["canonical"]!.GetValue<string>());
        Assert.Equal(expected["signature"]!.GetValue<string>(), Part(authorization, "Signature"));
    }

    private static string Part(string authorization, string name) =>
        authorization.Split(',').Select(p => p.Trim()).Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private static async Task<JsonNode> BotocoreAsync(JsonObject sent) =>
        JsonNode.Parse(await BotocorePython.RunAsync(Check, sent.ToJsonString()))!;
}
