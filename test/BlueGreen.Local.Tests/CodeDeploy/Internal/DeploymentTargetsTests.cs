using System.Text.Json.Nodes;
using BlueGreen.Local.CodeDeploy;

namespace BlueGreen.Local.Tests.CodeDeploy.Internal;

public sealed class DeploymentTargetsTests
{
    private readonly EmulatorHarness _cloud = new();

    public DeploymentTargetsTests()
    {
        _cloud.Tagged
            .Add("i-green1", ("bluegreen:color", "green"), ("env", "prod"))
            .Add("i-green2", ("bluegreen:color", "green"), ("env", "test"))
            .Add("i-blue1", ("bluegreen:color", "blue"), ("env", "prod"));
    }

    [Fact]
    public async Task ListDeploymentInstances_GroupFilteringOnGreenTag_ListsOnlyGreenInstances()
    {
        Group("tagged", [[new("bluegreen:color", "green", Ec2TagFilter.KeyAndValue)]]);

        var instances = await InstancesAsync(await _cloud.CreateAsync("tagged"));

        Assert.Equal(["i-green1", "i-green2"], instances);
    }

    [Fact]
    public async Task ListDeploymentInstances_FiltersInOneSet_MatchAny()
    {
        Group("either", [[new("bluegreen:color", "blue", Ec2TagFilter.KeyAndValue), new(null, "test", Ec2TagFilter.ValueOnly)]]);

        var instances = await InstancesAsync(await _cloud.CreateAsync("either"));

        Assert.Equal(["i-blue1", "i-green2"], instances.Order());
    }

    [Fact]
    public async Task ListDeploymentInstances_SeveralTagSets_MatchEvery()
    {
        Group("both", [[new("bluegreen:color", "green", Ec2TagFilter.KeyAndValue)], [new("env", "prod", Ec2TagFilter.KeyAndValue)]]);

        var instances = await InstancesAsync(await _cloud.CreateAsync("both"));

        Assert.Equal(["i-green1"], instances);
    }

    [Fact]
    public async Task ListDeploymentInstances_AsgAndTags_ListsEachInstanceOnce()
    {
        _cloud.Tagged.Add("i-0000000000000001", ("bluegreen:color", "green"));
        _cloud.Groups.Add(new DeploymentGroupInfo(EmulatorHarness.App, "mixed", "CodeDeployDefault.AllAtOnce", ["shop-green-asg"])
        {
            Ec2TagSets = [[new("bluegreen:color", "green", Ec2TagFilter.KeyAndValue)]],
        });

        var instances = await InstancesAsync(await _cloud.CreateAsync("mixed"));

        Assert.Equal(["i-0000000000000001", "i-0000000000000002", "i-green1", "i-green2"], instances);
    }

    private void Group(string name, IReadOnlyList<IReadOnlyList<Ec2TagFilter>> tagSets) =>
        _cloud.Groups.Add(new DeploymentGroupInfo(EmulatorHarness.App, name, "CodeDeployDefault.AllAtOnce", []) { Ec2TagSets = tagSets });

    private async Task<List<string>> InstancesAsync(string deploymentId) =>
        (await _cloud.OkAsync("ListDeploymentInstances", new JsonObject { ["deploymentId"] = deploymentId }))["instancesList"]!
            .AsArray().Select(i => i!.GetValue<string>()).ToList();
}
