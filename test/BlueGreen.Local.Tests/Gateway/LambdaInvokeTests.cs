using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Gateway;

[Collection(LocalCloudCollection.Name)]
public sealed class LambdaInvokeTests(LocalCloudFixture fixture)
{
    private static readonly HttpClient Http = new();

    private LocalCloud Cloud => fixture.Cloud;

    private Task<HttpResponseMessage> InvokeAsync(string functionNameOrArn, string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(Cloud.Endpoint, $"/2015-03-31/functions/{Uri.EscapeDataString(functionNameOrArn)}/invocations"))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0");
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task Invoke_ArnWithQualifier_RunsTheCatalogHandler()
    {
        using var response = await InvokeAsync("arn:aws:lambda:us-east-1:123456789012:function:EchoFunction:live", """{"application":"shop"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("shop", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["application"]!.GetValue<string>());
        Assert.True(Cloud.Calls.Count("lambda", "Invoke") >= 1);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_AnswersLikeLambdaUnhandled()
    {
        using var response = await InvokeAsync("ThrowingFunction", """{"application":"shop"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", Assert.Single(response.Headers.GetValues("X-Amz-Function-Error")));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("GreenUnhealthy", body["errorType"]!.GetValue<string>());
        Assert.Equal("2 of 3 green instances unhealthy (shop)", body["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsCliInvoke_UnknownFunction_ResourceNotFoundException()
    {
        var result = await AwsCli.RunAsync(Cloud.Endpoint, "lambda", "invoke", "--function-name", "NoSuchFunction", "/dev/null");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ResourceNotFoundException", result.Error);
        Assert.Contains("function:NoSuchFunction", result.Error);
    }

    [Fact]
    public async Task AwsCliInvoke_HandlerThrows_FunctionErrorReported()
    {
        var output = Path.GetTempFileName();
        try
        {
            var result = await AwsCli.RunAsync(Cloud.Endpoint, "lambda", "invoke", "--function-name", "ThrowingFunction",
                "--payload", """{"application":"shop"}""", output);

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal("Unhandled", JsonNode.Parse(result.Output)!["FunctionError"]!.GetValue<string>());
            Assert.Contains("GreenUnhealthy", await File.ReadAllTextAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
