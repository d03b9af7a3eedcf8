namespace BlueGreen.Local.Tests.Moto;

/// <summary>terminate-unknown-instance: terminating an instance no group manages crashed moto (500);
/// AWS answers ValidationError "Instance Id not found".</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class TerminateUnknownInstanceWorkaroundTests(MotoPool pool)
{
    private const string Gone = "i-0123456789abcdef0";

    [Fact]
    public async Task TerminateInstanceInAutoScalingGroup_UnknownInstanceWithWorkaround_InstanceIdNotFound()
    {
        var motoEndpoint = (await pool.WithAllAsync()).Client.Endpoint;

        var answer = await TerminateAsync(motoEndpoint);

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Contains("<Code>ValidationError</Code>", answer.Body, StringComparison.Ordinal);
        Assert.Contains($"Instance Id not found - No managed instance found for instance ID: {Gone}", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminateInstanceInAutoScalingGroup_UnknownInstanceWithoutWorkaround_Crashes500()
    {
        var motoEndpoint = (await pool.WithoutAsync("terminate-unknown-instance")).Client.Endpoint;

        var answer = await TerminateAsync(motoEndpoint);

        Assert.Equal(500, (int)answer.StatusCode);
    }

    private static async Task<(System.Net.HttpStatusCode StatusCode, string Body)> TerminateAsync(Uri moto)
    {
        using var http = new HttpClient { BaseAddress = moto };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = "TerminateInstanceInAutoScalingGroup",
                ["Version"] = "2011-01-01",
                ["InstanceId"] = Gone,
                ["ShouldDecrementDesiredCapacity"] = "true",
            }),
        };
        request.Headers.TryAddWithoutValidation(
            "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
