using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using BlueGreen.Local.Stack;

namespace BlueGreen.Workflow.Tests.Definition;

public sealed class ServerlessTemplateTests
{
    private readonly ServerlessTemplate _template = ServerlessTemplate.Load();

    [Fact]
    public void DefinitionSubstitutions_MatchThePlaceholdersOfTheAsl()
    {
        var substitutions = _template.StateMachine["DefinitionSubstitutions"]!.AsObject().Select(s => s.Key).Order();
        var placeholders = StateMachineDefinition.Load().Substitutions().Order();

        Assert.Equal(placeholders, substitutions);
    }

    [Theory]
    [InlineData("bluegreen", "BlueGreenDeployment")]
    [InlineData("sam-app", "sam-app-BlueGreenDeployment")]
    public void StateMachine_NamedPerStack_TheDefaultStackKeepsTheDocumentedName(string stackName, string expected)
    {
        var resolver = new TemplateResolver(_template.Root, "us-east-1", "123456789012", stackName);

        Assert.Equal(expected, resolver.StateMachineName("BlueGreenStateMachine"));
        Assert.Equal($"{stackName}-locks", resolver.TableName("LockTable"));
        Assert.Equal("statemachine/bluegreen.asl.json", _template.StateMachine["DefinitionUri"]!.GetValue<string>());
    }

    [Fact]
    public void Policies_ExecutionArns_UseTheStateMachinesOwnName()
    {
        // The functions cannot Ref the state machine (it references them), so each policy on its
        // executions repeats the name expression; it must be the very same one.
        var name = _template.StateMachine["Name"]!;
        var executionArns = _template.PolicyStatements()
            .Where(s => s.Statement["Resource"]?.ToJsonString().Contains(":execution:", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(executionArns);
        Assert.All(executionArns, s =>
        {
            var sub = s.Statement["Resource"]!["Fn::Sub"]!.AsArray();
            Assert.EndsWith(":execution:${StateMachineName}:*", sub[0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(name, sub[1]!["StateMachineName"]), $"{s.LogicalId}: {sub[1]!.ToJsonString()} is not {name.ToJsonString()}");
        });
    }

    [Fact]
    public void Template_NoOtherExplicitPhysicalName_IsFixed()
    {
        // A literal name would collide between two stacks in one account and region.
        var nameProperties = new[] { "Name", "TableName", "RoleName", "RuleName", "FunctionName", "TopicName", "LogGroupName", "AlarmName", "StateMachineName" };
        var fixedNames = _template.Resources
            .SelectMany(r => nameProperties
                .Where(p => r.Value!["Properties"]?[p] is JsonValue)
                .Select(p => $"{r.Key}.{p}"))
            .ToList();

        Assert.Empty(fixedNames);
    }

    [Fact]
    public void Functions_Handlers_ResolveToStreamMethods()
    {
        var assembly = typeof(BlueGreen.Functions.Hosting.IFunctionCatalog).Assembly;
        var functions = _template.OfType("AWS::Serverless::Function").ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f =>
        {
            var parts = f.Properties["Handler"]!.GetValue<string>().Split("::");
            Assert.Equal(assembly.GetName().Name, parts[0]);
            var type = assembly.GetType(parts[1]);
            Assert.True(type is not null, $"{f.LogicalId}: no type {parts[1]}");
            Assert.True(type.GetConstructor(Type.EmptyTypes) is not null, $"{f.LogicalId}: Lambda needs a parameterless constructor on {type}");
            // The runtime refuses an overloaded handler name, so there must be exactly one.
            var method = Assert.Single(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == parts[2]);
            Assert.Equal([typeof(Stream)], method.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(Task<Stream>), method.ReturnType);
            Assert.Equal($"{type.Name}Function", f.LogicalId);
        });
    }

    [Fact]
    public void Policies_NoStatement_AllowsAWildcardAction()
    {
        var wildcards = _template.PolicyStatements()
            .SelectMany(s => Actions(s.Statement).Where(a => a.Contains('*')).Select(a => $"{s.LogicalId}: {a}"))
            .ToList();

        Assert.Empty(wildcards);
    }

    [Fact]
    public void Policies_WildcardResources_SayWhyInTheirSid()
    {
        var unexplained = _template.PolicyStatements()
            .Where(s => s.Statement["Resource"]?.ToJsonString() is "\"*\"" or "[\"*\"]")
            .Where(s => s.Statement["Sid"]?.GetValue<string>().Contains("NoResourceLevelPermissions") != true)
            .Select(s => s.LogicalId)
            .ToList();

        Assert.Empty(unexplained);
    }

    [Fact]
    public async Task CfnLint_Template_IsClean()
    {
        var start = new ProcessStartInfo("cfn-lint", [RepositoryRoot.File("serverless.template")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var lint = Process.Start(start)!;
        var output = await lint.StandardOutput.ReadToEndAsync() + await lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();

        Assert.True(lint.ExitCode == 0, output);
    }

    private static IEnumerable<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray list => list.Select(a => a!.GetValue<string>()),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
