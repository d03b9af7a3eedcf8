using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.CodeDeploy.Internal;

public sealed class ReadDeploymentsTests
{
    private readonly EmulatorHarness _cloud = new();

    [Fact]
    public async Task BatchGetDeployments_KnownAndUnknownIds_ReturnsOnlyKnown()
    {
        var id = await _cloud.CreateAsync();

        var answer = await _cloud.OkAsync("BatchGetDeployments", new JsonObject { ["deploymentIds"] = new JsonArray(id, "d-UNKNOWN00") });

        var info = Assert.Single(answer["deploymentsInfo"]!.AsArray());
        Assert.Equal(id, info!["deploymentId"]!.GetValue<string>());
        Assert.Equal("Created", info["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchGetDeployments_MoreThan25Ids_IsBatchLimitExceeded()
    {
        var ids = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)$"d-{i:D9}")]);

        var error = await _cloud.ErrorAsync("BatchGetDeployments", new JsonObject { ["deploymentIds"] = ids });

        Assert.Equal("BatchLimitExceededException", error);
    }

    [Fact]
    public async Task ListDeploymentInstances_Created_ReturnsGroupInstancesSnapshot()
    {
        var id = await _cloud.CreateAsync();
        _cloud.Instances.Set("shop-green-asg", "i-0000000000000009");

        var answer = await _cloud.OkAsync("ListDeploymentInstances", new JsonObject { ["deploymentId"] = id });

        Assert.Equal(["i-0000000000000001", "i-0000000000000002"], answer["instancesList"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Succeeded", 2)]
    [InlineData("Failed", 0)]
    public async Task ListDeploymentInstances_StatusFilter_ListsMatchingInstances(string filter, int expected)
    {
        var id = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        var answer = await _cloud.OkAsync("ListDeploymentInstances", new JsonObject
        {
            ["deploymentId"] = id,
            ["instanceStatusFilter"] = new JsonArray(filter),
        });

        Assert.Equal(expected, answer["instancesList"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListDeploymentInstances_InvalidStatusFilter_IsInvalidInstanceStatus()
    {
        var id = await _cloud.CreateAsync();

        var error = await _cloud.ErrorAsync("ListDeploymentInstances", new JsonObject
        {
            ["deploymentId"] = id,
            ["instanceStatusFilter"] = new JsonArray("Sleeping"),
        });

        Assert.Equal("InvalidInstanceStatusException", error);
    }

    [Fact]
    public async Task ListDeployments_ByGroupAndStatus_ListsMatching()
    {
        var done = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var running = await _cloud.CreateAsync();
        await _cloud.CreateAsync("empty");

        var all = await ListAsync(new JsonObject { ["applicationName"] = "shop", ["deploymentGroupName"] = "shop-green" });
        var succeeded = await ListAsync(new JsonObject
        {
            ["applicationName"] = "shop",
            ["deploymentGroupName"] = "shop-green",
            ["includeOnlyStatuses"] = new JsonArray("Succeeded"),
        });
        var everywhere = await ListAsync(new JsonObject());

        Assert.Equal([done, running], all);
        Assert.Equal([done], succeeded);
        Assert.Equal(3, everywhere.Count);
    }

    [Fact]
    public async Task ListDeployments_CreateTimeRange_ListsThoseCreatedInside()
    {
        var first = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(10));
        var from = _cloud.Time.GetUtcNow().ToUnixTimeSeconds();
        var second = await _cloud.CreateAsync();

        var listed = await ListAsync(new JsonObject { ["createTimeRange"] = new JsonObject { ["start"] = from } });

        Assert.Equal([second], listed);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("""{"applicationName":"shop"}""", "DeploymentGroupNameRequiredException")]
    [InlineData("""{"deploymentGroupName":"shop-green"}""", "ApplicationNameRequiredException")]
    [InlineData("""{"applicationName":"nope","deploymentGroupName":"shop-green"}""", "ApplicationDoesNotExistException")]
    [InlineData("""{"applicationName":"shop","deploymentGroupName":"nope"}""", "DeploymentGroupDoesNotExistException")]
    [InlineData("""{"includeOnlyStatuses":["Sleeping"]}""", "InvalidDeploymentStatusException")]
    public async Task ListDeployments_InvalidFilter_ReturnsAwsError(string request, string expected)
    {
        var error = await _cloud.ErrorAsync("ListDeployments", JsonNode.Parse(request)!.AsObject());

        Assert.Equal(expected, error);
    }

    private async Task<List<string>> ListAsync(JsonObject request) =>
        (await _cloud.OkAsync("ListDeployments", request))["deployments"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
}
