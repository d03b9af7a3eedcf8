using System.Net;
using System.Text.Json.Nodes;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Calls;

[Collection(LocalCloudCollection.Name)]
public sealed class CallsApiTests(LocalCloudFixture fixture)
{
    private LocalCloud Cloud => fixture.Cloud;

    [Fact]
    public async Task GetCalls_AfterReset_CountsByServiceOperationWithSplit()
    {
        using var reset = await Cloud.Raw.ControlAsync(HttpMethod.Delete, "/calls");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        (await Cloud.Raw.SendQueryAsync("autoscaling", "DescribeAutoScalingGroups", "2011-01-01")).Dispose();
        (await Cloud.Raw.SendQueryAsync("autoscaling", "DescribeAutoScalingGroups", "2011-01-01")).Dispose();
        (await Cloud.Raw.SendJsonAsync("states", "AWSStepFunctions.CreateActivity", """{"name":"approve"}""")).Dispose();

        using var response = await Cloud.Raw.ControlAsync(HttpMethod.Get, "/calls");
        var calls = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(3, calls["total"]!.GetValue<int>());
        Assert.Equal(2, calls["readOnly"]!.GetValue<int>());
        Assert.Equal(1, calls["mutating"]!.GetValue<int>());
        Assert.Equal(2, calls["services"]!["autoscaling"]!["DescribeAutoScalingGroups"]!.GetValue<int>());
        Assert.Equal(1, calls["services"]!["states"]!["CreateActivity"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetWrites_AfterReset_ResourceWritesInOrderWithBodies()
    {
        using var reset = await Cloud.Raw.ControlAsync(HttpMethod.Delete, "/calls");
        (await Cloud.Raw.SendQueryAsync("autoscaling", "DescribeAutoScalingGroups", "2011-01-01")).Dispose();
        (await Cloud.Raw.SendJsonAsync("states", "AWSStepFunctions.CreateActivity", """{"name":"journal"}""")).Dispose();
        (await Cloud.Raw.SendQueryAsync("autoscaling", "DeleteTags", "2011-01-01")).Dispose();

        using var response = await Cloud.Raw.ControlAsync(HttpMethod.Get, "/writes");
        var writes = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        var write = Assert.Single(writes)!;
        Assert.Equal(("autoscaling", "DeleteTags"), (write["service"]!.GetValue<string>(), write["operation"]!.GetValue<string>()));
        Assert.Contains("Action=DeleteTags", write["body"]!.GetValue<string>());
    }
}
