using BlueGreen.Core.Naming;

namespace BlueGreen.Core.Tests.Naming;

public sealed class DeploymentIdTests
{
    [Fact]
    public void FromExecution_SameName_SameIdEveryTime() =>
        Assert.Equal(DeploymentId.FromExecution("shop-2026-11-27"), DeploymentId.FromExecution("shop-2026-11-27"));

    [Fact]
    public void FromExecution_DifferentNames_DifferentIds() =>
        Assert.NotEqual(DeploymentId.FromExecution("run-1"), DeploymentId.FromExecution("run-2"));

    [Fact]
    public void FromExecution_ExecutionArn_UsesTheNameOnly() =>
        Assert.Equal(
            DeploymentId.FromExecution("3f1c9a2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b"),
            DeploymentId.FromExecution("arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:3f1c9a2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b"));

    [Theory]
    [InlineData("3f1c9a2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("Deploy Shop NOW!! (hotfix) ünïcode")]
    [InlineData("x")]
    public void FromExecution_AnyName_TwelveLowercaseNameSafeCharacters(string name)
    {
        var id = DeploymentId.FromExecution(name);

        Assert.Matches("^[a-z2-7]{12}$", id);
        Assert.True(DeploymentId.IsValid(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void FromExecution_Blank_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => DeploymentId.FromExecution(name));

    // Pinned: changing the derivation would orphan the green groups of running deployments.
    [Fact]
    public void FromExecution_KnownName_PinnedId() =>
        Assert.Equal("7zkzfmmdswct", DeploymentId.FromExecution("pinned"));
}
