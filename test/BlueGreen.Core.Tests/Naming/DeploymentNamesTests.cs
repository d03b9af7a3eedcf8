using BlueGreen.Core.Naming;

namespace BlueGreen.Core.Tests.Naming;

public sealed class DeploymentNamesTests
{
    [Fact]
    public void For_ApplicationAndId_DerivesEveryName()
    {
        var names = DeploymentNames.For("shop", "abcdefgh2345");

        Assert.Equal("shop-abcdefgh2345", names.GreenGroup);
        Assert.Equal("bluegreen-shop-abcdefgh2345", names.LaunchTemplate);
        Assert.Equal("/bluegreen/applications/shop", names.SettingsParameter);
        Assert.Equal("shop", names.LockKey);
    }

    [Fact]
    public void ForExecution_SameExecution_SameNames() =>
        Assert.Equal(
            DeploymentNames.ForExecution("shop", "exec-1").GreenGroup,
            DeploymentNames.ForExecution("shop", "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:exec-1").GreenGroup);

    [Fact]
    public void For_LongestApplicationName_StaysWithinAwsLimits()
    {
        var names = DeploymentNames.ForExecution(new string('a', 32), "any");

        Assert.True(names.GreenGroup.Length <= DeploymentNames.MaxAutoScalingGroupName);
        Assert.True(names.LaunchTemplate.Length <= DeploymentNames.MaxLaunchTemplateName);
        Assert.Matches("^[a-zA-Z0-9().\\-/_]{3,128}$", names.LaunchTemplate);
    }

    [Theory]
    [InlineData("Shop", "abcdefgh2345")]
    [InlineData("shop", "not-an-id")]
    public void For_InvalidParts_Throws(string application, string id) =>
        Assert.Throws<ArgumentException>(() => DeploymentNames.For(application, id));

    [Fact]
    public void Fit_TooLong_KeepsTheUniqueEnd()
    {
        var fitted = DeploymentNames.Fit(new string('x', 200) + "-abcdefgh2345", 128);

        Assert.Equal(128, fitted.Length);
        Assert.EndsWith("-abcdefgh2345", fitted, StringComparison.Ordinal);
    }
}
