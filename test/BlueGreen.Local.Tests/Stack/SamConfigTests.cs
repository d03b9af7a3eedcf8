using System.Text.Json.Nodes;
using BlueGreen.Local.Stack;

namespace BlueGreen.Local.Tests.Stack;

public sealed class SamConfigTests
{
    [Fact]
    public void StackNameIn_RepositoryRoot_IsBluegreen()
    {
        var root = LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory)!;

        Assert.Equal("bluegreen", SamConfig.StackNameIn(root));
    }

    [Fact]
    public void LambdaToolsDefaults_NameTheSameStack()
    {
        // DESIGN.md §2 keeps aws-lambda-tools-defaults.json at the top level; both files must agree.
        var root = LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var defaults = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "aws-lambda-tools-defaults.json")))!;

        Assert.Equal(SamConfig.StackNameIn(root), (string?)defaults["stack-name"]);
    }

    [Fact]
    public void StackName_DeployParameters_WinOverGlobal()
    {
        const string text = """
            version = 0.1
            [default.global.parameters]
            stack_name = "global-name"   # the default
            [default.deploy.parameters]
            stack_name = 'deploy-name'
            [prod.deploy.parameters]
            stack_name = "prod-name"
            """;

        Assert.Equal("deploy-name", SamConfig.StackName(text));
    }

    [Theory]
    [InlineData("[default.global.parameters]\nstack_name = \"only-global\"", "only-global")]
    [InlineData("[prod.global.parameters]\nstack_name = \"prod\"", null)]
    [InlineData("# stack_name = \"commented\"", null)]
    [InlineData("", null)]
    public void StackName_DefaultEnvironmentOnly(string text, string? expected) =>
        Assert.Equal(expected, SamConfig.StackName(text));

    [Fact]
    public void StackNameIn_NoFile_IsNull() =>
        Assert.Null(SamConfig.StackNameIn(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
}
