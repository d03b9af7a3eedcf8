namespace BlueGreen.Local.Tests.CodeDeploy;

public sealed class LifecycleTests
{
    private readonly EmulatorHarness _cloud = new();

    [Fact]
    public async Task GetDeployment_JustCreated_IsCreatedWithPendingInstances()
    {
        var id = await _cloud.CreateAsync();

        var info = await _cloud.InfoAsync(id);

        Assert.Matches("^d-[A-Z0-9]{9}$", id);
        Assert.Equal("Created", info["status"]!.GetValue<string>());
        Assert.Equal(_cloud.Time.GetUtcNow().ToUnixTimeSeconds(), info["createTime"]!.GetValue<double>());
        Assert.Null(info["startTime"]);
        Assert.Null(info["completeTime"]);
        Assert.Null(info["errorInformation"]);
        Assert.Equal(2, info["deploymentOverview"]!["Pending"]!.GetValue<int>());
        Assert.Equal("shop.zip", info["revision"]!["s3Location"]!["key"]!.GetValue<string>());
        Assert.Equal("CodeDeployDefault.OneAtATime", info["deploymentConfigName"]!.GetValue<string>());
        Assert.Equal("user", info["creator"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetDeployment_AfterStartDelay_IsInProgressWithStartTime()
    {
        var created = _cloud.Time.GetUtcNow();
        var id = await _cloud.CreateAsync();

        _cloud.Time.Advance(EmulatorHarness.StartDelay);
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("InProgress", info["status"]!.GetValue<string>());
        Assert.Equal((created + EmulatorHarness.StartDelay).ToUnixTimeSeconds(), info["startTime"]!.GetValue<double>());
        Assert.Null(info["completeTime"]);
        Assert.Equal(2, info["deploymentOverview"]!["InProgress"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetDeployment_AfterStartDelayAndDuration_IsSucceededWithCompleteTime()
    {
        var created = _cloud.Time.GetUtcNow();
        var id = await _cloud.CreateAsync();

        _cloud.Time.Advance(EmulatorHarness.StartDelay + EmulatorHarness.Duration - TimeSpan.FromMilliseconds(1));
        var justBefore = await _cloud.StatusAsync(id);
        _cloud.Time.Advance(TimeSpan.FromMilliseconds(1));
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("InProgress", justBefore);
        Assert.Equal("Succeeded", info["status"]!.GetValue<string>());
        Assert.Equal((created + EmulatorHarness.StartDelay + EmulatorHarness.Duration).ToUnixTimeSeconds(), info["completeTime"]!.GetValue<double>());
        Assert.Equal(2, info["deploymentOverview"]!["Succeeded"]!.GetValue<int>());
        Assert.Equal(0, info["deploymentOverview"]!["InProgress"]!.GetValue<int>());
        Assert.Null(info["errorInformation"]);
    }

    [Fact]
    public async Task CreateDeployment_AfterASuccess_CarriesPreviousRevision()
    {
        await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        var second = await _cloud.InfoAsync(await _cloud.CreateAsync());

        Assert.Equal("shop.zip", second["previousRevision"]!["s3Location"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDeployment_WhileAnotherIsActiveInGroup_IsRefused()
    {
        var first = await _cloud.CreateAsync();

        var (status, body) = await _cloud.CallAsync("CreateDeployment", new()
        {
            ["applicationName"] = EmulatorHarness.App,
            ["deploymentGroupName"] = EmulatorHarness.Group,
            ["revision"] = EmulatorHarness.Revision(),
        });

        Assert.Equal(400, status);
        Assert.Equal("DeploymentLimitExceededException", body["__type"]!.GetValue<string>());
        Assert.Contains(first, body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDeployment_ManyAtOnceInOneGroup_OnlyOneIsCreated()
    {
        var attempts = Enumerable.Range(0, 16).Select(_ => Task.Run(() => _cloud.CallAsync("CreateDeployment", new()
        {
            ["applicationName"] = EmulatorHarness.App,
            ["deploymentGroupName"] = EmulatorHarness.Group,
            ["revision"] = EmulatorHarness.Revision(),
        })));

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Status == 200);
        Assert.All(results.Where(r => r.Status != 200), r => Assert.Equal("DeploymentLimitExceededException", r.Body["__type"]!.GetValue<string>()));
    }
}
