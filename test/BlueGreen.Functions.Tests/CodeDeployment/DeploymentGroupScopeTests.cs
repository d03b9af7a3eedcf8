using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.CodeDeployment;

namespace BlueGreen.Functions.Tests.CodeDeployment;

public sealed class DeploymentGroupScopeTests
{
    private static readonly ColorTag Color = ColorTag.Default;

    [Fact]
    public void Problem_FilterOnGreenValueOnly_None()
    {
        Assert.Null(DeploymentGroupScope.Problem(Group([], [new("bluegreen:color", "green", "KEY_AND_VALUE")]), Color, "shop-abc"));
    }

    [Fact]
    public void Problem_GreensGroupByName_None()
    {
        Assert.Null(DeploymentGroupScope.Problem(Group(["shop-abc"], []), Color, "shop-abc"));
    }

    [Fact]
    public void Problem_BluesGroupListed_NamesIt()
    {
        var problem = DeploymentGroupScope.Problem(Group(["shop-blue"], [new("bluegreen:color", "green", "KEY_AND_VALUE")]), Color, "shop-abc");

        Assert.Contains("shop-blue", problem);
    }

    [Fact]
    public void Problem_KeyOnlyFilter_CanReachBlue()
    {
        var problem = DeploymentGroupScope.Problem(Group([], [new("bluegreen:color", null, "KEY_ONLY")]), Color, "shop-abc");

        Assert.Contains("outside the green fleet", problem);
    }

    [Fact]
    public void Problem_SelectsNothing_SaysSo()
    {
        Assert.Contains("selects no instances", DeploymentGroupScope.Problem(Group([], []), Color, "shop-abc"));
    }

    private static DeploymentGroup Group(IReadOnlyList<string> groups, IReadOnlyList<Ec2TagFilter> filters) =>
        new("shop", "web", null, null, null, groups, filters, []);
}
