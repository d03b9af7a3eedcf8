namespace BlueGreen.Local.Tests.CodeDeploy;

public sealed class FaultTests
{
    private readonly EmulatorHarness _cloud = new();

    [Fact]
    public async Task GetDeployment_CreatedWhileFailurePending_EndsFailedWithHealthConstraints()
    {
        _cloud.Faults.FailNext(EmulatorHarness.App, EmulatorHarness.Group, "HEALTH_CONSTRAINTS");
        var id = await _cloud.CreateAsync();

        _cloud.Time.Advance(EmulatorHarness.StartDelay);
        var during = await _cloud.StatusAsync(id);
        _cloud.Time.Advance(EmulatorHarness.Duration);
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("InProgress", during);
        Assert.Equal("Failed", info["status"]!.GetValue<string>());
        Assert.Equal("HEALTH_CONSTRAINTS", info["errorInformation"]!["code"]!.GetValue<string>());
        Assert.NotNull(info["completeTime"]);
        Assert.Equal(2, info["deploymentOverview"]!["Failed"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetDeployment_FailureWithErrorCode_ReportsThatCode()
    {
        _cloud.Faults.FailNext(EmulatorHarness.App, EmulatorHarness.Group, "TIMEOUT");
        var id = await _cloud.CreateAsync();

        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("TIMEOUT", info["errorInformation"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetDeployment_FailureWithMessage_ReportsMessageUnderHealthConstraints()
    {
        _cloud.Faults.FailNext(EmulatorHarness.App, EmulatorHarness.Group, "ValidateService hook failed on i-1");
        var id = await _cloud.CreateAsync();

        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var error = (await _cloud.InfoAsync(id))["errorInformation"]!;

        Assert.Equal("HEALTH_CONSTRAINTS", error["code"]!.GetValue<string>());
        Assert.Equal("ValidateService hook failed on i-1", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDeployment_AfterFailedOne_SucceedsBecauseFailureIsTakenOnce()
    {
        _cloud.Faults.FailNext(EmulatorHarness.App, EmulatorHarness.Group, "HEALTH_CONSTRAINTS");
        var failed = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        var next = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Failed", await _cloud.StatusAsync(failed));
        Assert.Equal("Succeeded", await _cloud.StatusAsync(next));
    }

    [Fact]
    public async Task CreateDeployment_RefusedWhileActive_LeavesFailurePending()
    {
        var active = await _cloud.CreateAsync();
        _cloud.Faults.FailNext(EmulatorHarness.App, EmulatorHarness.Group, "HEALTH_CONSTRAINTS");

        await _cloud.ErrorAsync("CreateDeployment", new()
        {
            ["applicationName"] = EmulatorHarness.App,
            ["deploymentGroupName"] = EmulatorHarness.Group,
            ["revision"] = EmulatorHarness.Revision(),
        });
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var next = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Succeeded", await _cloud.StatusAsync(active));
        Assert.Equal("Failed", await _cloud.StatusAsync(next));
    }

    [Fact]
    public async Task GetDeployment_GroupWithoutInstances_EndsFailedWithNoInstances()
    {
        var id = await _cloud.CreateAsync("empty");

        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("Failed", info["status"]!.GetValue<string>());
        Assert.Equal("NO_INSTANCES", info["errorInformation"]!["code"]!.GetValue<string>());
    }
}
