using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using BlueGreen.Local.CodeDeploy;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>The emulator with the moto-backed group and instance lookups the gateway will use.</summary>
public sealed class MotoBackedEmulatorTests(MotoCodeDeployFixture moto) : IClassFixture<MotoCodeDeployFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private CodeDeployEmulator Emulator() => CodeDeployEmulator.ForMoto(moto.Http, moto.Endpoint, NoCodeDeployFaults.Instance, _time);

    [Fact]
    public async Task ListDeploymentInstances_DeploymentToMotoGroup_ReturnsAsgInServiceInstances()
    {
        var emulator = Emulator();
        var expected = XDocument.Parse(await moto.DescribeAutoScalingGroupXmlAsync())
            .Descendants().Where(e => e.Name.LocalName == "InstanceId").Select(e => e.Value).Order().ToList();

        var created = await CallAsync(emulator, "CreateDeployment", new JsonObject
        {
            ["applicationName"] = "shop",
            ["deploymentGroupName"] = "shop-green",
            ["revision"] = EmulatorHarness.Revision(),
        });
        var listed = await CallAsync(emulator, "ListDeploymentInstances", new JsonObject { ["deploymentId"] = created.Body["deploymentId"]!.DeepClone() });

        Assert.Equal(200, listed.Status);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, listed.Body["instancesList"]!.AsArray().Select(i => i!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task ListDeploymentInstances_MotoGroupFilteringOnGreenTag_ReturnsGreenAsgInstancesOnly()
    {
        var emulator = Emulator();
        var green = XDocument.Parse(await moto.DescribeAutoScalingGroupXmlAsync())
            .Descendants().Where(e => e.Name.LocalName == "InstanceId").Select(e => e.Value).Order().ToList();

        var created = await CallAsync(emulator, "CreateDeployment", new JsonObject
        {
            ["applicationName"] = "shop",
            ["deploymentGroupName"] = "shop-tagged",
            ["revision"] = EmulatorHarness.Revision(),
        });
        var listed = await CallAsync(emulator, "ListDeploymentInstances", new JsonObject { ["deploymentId"] = created.Body["deploymentId"]!.DeepClone() });

        Assert.Equal(green, listed.Body["instancesList"]!.AsArray().Select(i => i!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task MotoDeploymentGroups_GetAsync_ReadsTagFilters()
    {
        var groups = new MotoDeploymentGroups(moto.Http, moto.Endpoint);

        var group = await groups.GetAsync(MotoCodeDeployFixture.Region, "shop", "shop-tagged", CancellationToken.None);

        var filter = Assert.Single(Assert.Single(group.Ec2TagSets));
        Assert.Equal(new Ec2TagFilter("bluegreen:color", "green", Ec2TagFilter.KeyAndValue), filter);
        Assert.Empty(group.AutoScalingGroups);
    }

    [Fact]
    public async Task GetDeployment_DeploymentToMotoGroup_UsesGroupsDeploymentConfig()
    {
        var emulator = Emulator();
        var created = await CallAsync(emulator, "CreateDeployment", new JsonObject
        {
            ["applicationName"] = "shop",
            ["deploymentGroupName"] = "shop-green",
            ["revision"] = EmulatorHarness.Revision(),
        });
        _time.Advance(TimeSpan.FromMinutes(1));

        var info = (await CallAsync(emulator, "GetDeployment", new JsonObject { ["deploymentId"] = created.Body["deploymentId"]!.DeepClone() })).Body["deploymentInfo"]!;

        Assert.Equal("Succeeded", info["status"]!.GetValue<string>());
        Assert.Equal("CodeDeployDefault.OneAtATime", info["deploymentConfigName"]!.GetValue<string>());
        Assert.Equal(2, info["deploymentOverview"]!["Succeeded"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("nope", "shop-green", "ApplicationDoesNotExistException")]
    [InlineData("shop", "nope", "DeploymentGroupDoesNotExistException")]
    public async Task CreateDeployment_UnknownInMoto_ReturnsMotosAwsError(string application, string group, string expected)
    {
        var (status, body) = await CallAsync(Emulator(), "CreateDeployment", new JsonObject
        {
            ["applicationName"] = application,
            ["deploymentGroupName"] = group,
            ["revision"] = EmulatorHarness.Revision(),
        });

        Assert.Equal(400, status);
        Assert.Equal(expected, body["__type"]!.GetValue<string>());
        Assert.Contains("nope", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task MotoDeploymentGroups_GetAsync_ReadsAutoScalingGroups()
    {
        var groups = new MotoDeploymentGroups(moto.Http, moto.Endpoint);

        var group = await groups.GetAsync(MotoCodeDeployFixture.Region, "shop", "shop-green", CancellationToken.None);

        Assert.Equal([MotoCodeDeployFixture.AutoScalingGroup], group.AutoScalingGroups);
    }

    [Fact]
    public async Task MotoAutoScalingGroupInstances_UnknownGroup_ReturnsEmpty()
    {
        var instances = new MotoAutoScalingGroupInstances(moto.Http, moto.Endpoint);

        var ids = await instances.ListInServiceAsync(MotoCodeDeployFixture.Region, "no-such-asg", CancellationToken.None);

        Assert.Empty(ids);
    }

    private static async Task<(int Status, JsonNode Body)> CallAsync(CodeDeployEmulator emulator, string operation, JsonObject body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        var response = await emulator.HandleAsync(operation, document, MotoCodeDeployFixture.Region, CancellationToken.None);
        return (response!.StatusCode, JsonNode.Parse(response.Body)!);
    }
}
