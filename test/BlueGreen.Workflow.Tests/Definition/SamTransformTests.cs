using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>
/// The template as `sam build && sam package` leave it goes through the SAM transform that
/// CloudFormation runs on `sam deploy`: a template the transform rejects fails here, not in a
/// user's account.
/// </summary>
public sealed class SamTransformTests
{
    private const string Bucket = "bluegreen-artifacts";

    private static readonly Lazy<JsonObject> Template = new(() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("serverless.template")))!.AsObject());

    private static readonly Lazy<JsonObject> Transformed = new(() => SamTransform.Run(SamTransform.Packaged(Template.Value, Bucket)));

    private static JsonObject Source => Template.Value["Resources"]!.AsObject();

    private static JsonObject Output => Transformed.Value["Resources"]!.AsObject();

    [Fact]
    public void Transform_PackagedTemplate_LeavesNoServerlessResource()
    {
        var left = Output.Where(r => r.Value!["Type"]!.GetValue<string>().StartsWith("AWS::Serverless::", StringComparison.Ordinal)).Select(r => r.Key);

        Assert.Empty(left);
        Assert.False(Transformed.Value.ContainsKey("Transform"));
    }

    [Fact]
    public void Transform_EachFunction_BecomesALambdaFunctionWithItsOwnRoleAndCode()
    {
        var functions = Source.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Serverless::Function").ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f =>
        {
            var function = Output[f.Key]!;
            Assert.Equal("AWS::Lambda::Function", function["Type"]!.GetValue<string>());
            var properties = function["Properties"]!;
            Assert.Equal(Bucket, properties["Code"]!["S3Bucket"]!.GetValue<string>());
            Assert.Equal($"bluegreen/{f.Key}.zip", properties["Code"]!["S3Key"]!.GetValue<string>());
            Assert.Equal(f.Value!["Properties"]!["Handler"]!.GetValue<string>(), properties["Handler"]!.GetValue<string>());
            Assert.Equal("dotnet10", properties["Runtime"]!.GetValue<string>());
            Assert.Equal("JSON", properties["LoggingConfig"]!["LogFormat"]!.GetValue<string>());
            Assert.Equal($$"""{"Fn::GetAtt":["{{f.Key}}Role","Arn"]}""", properties["Role"]!.ToJsonString());
            Assert.Equal("AWS::IAM::Role", Output[$"{f.Key}Role"]!["Type"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Transform_StateMachine_ReadsItsDefinitionFromS3WithEveryArnSubstituted()
    {
        var source = Source["BlueGreenStateMachine"]!["Properties"]!;

        var machine = Output["BlueGreenStateMachine"]!;

        Assert.Equal("AWS::StepFunctions::StateMachine", machine["Type"]!.GetValue<string>());
        var properties = machine["Properties"]!;
        Assert.Equal($$"""{"Bucket":"{{Bucket}}","Key":"bluegreen/BlueGreenStateMachine.asl.json"}""", properties["DefinitionS3Location"]!.ToJsonString());
        Assert.Equal(source["DefinitionSubstitutions"]!.ToJsonString(), properties["DefinitionSubstitutions"]!.ToJsonString());
        Assert.Equal(source["Name"]!.ToJsonString(), properties["StateMachineName"]!.ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["BlueGreenStateMachineRole","Arn"]}""", properties["RoleArn"]!.ToJsonString());
        Assert.Equal("AWS::IAM::Role", Output["BlueGreenStateMachineRole"]!["Type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("BlueGreenStateMachineAmiAvailable")]
    [InlineData("BlueGreenStateMachineImageBuilderImageAvailable")]
    public void Transform_StateMachineEvents_BecomeRulesStartingIt(string rule)
    {
        var resource = Output[rule]!;

        Assert.Equal("AWS::Events::Rule", resource["Type"]!.GetValue<string>());
        var target = Assert.Single(resource["Properties"]!["Targets"]!.AsArray())!;
        Assert.Equal("""{"Ref":"BlueGreenStateMachine"}""", target["Arn"]!.ToJsonString());
        Assert.Equal("AWS::IAM::Role", Output[$"{rule}Role"]!["Type"]!.GetValue<string>());
    }

    [Fact]
    public void Transform_PlainCloudFormationResources_PassThroughUnchanged()
    {
        var plain = Source.Where(r => !r.Value!["Type"]!.GetValue<string>().StartsWith("AWS::Serverless::", StringComparison.Ordinal)).ToList();

        Assert.Contains(plain, r => r.Key == "RecoverStoppedDeploymentRule");
        Assert.All(plain, r => Assert.True(JsonNode.DeepEquals(r.Value, Output[r.Key]), $"{r.Key} changed in the transform"));
        Assert.True(JsonNode.DeepEquals(Template.Value["Conditions"], Transformed.Value["Conditions"]));
        Assert.True(JsonNode.DeepEquals(Template.Value["Outputs"], Transformed.Value["Outputs"]));
    }

    [Fact]
    public void Transform_LocalDefinitionUri_IsRejected()
    {
        // What `dotnet lambda deploy-serverless` sends: it uploads the functions' code but leaves a
        // state machine's DefinitionUri a local path (decision 27).
        var unpackaged = SamTransform.Packaged(Template.Value, Bucket);
        unpackaged["Resources"]!["BlueGreenStateMachine"]!["Properties"]!["DefinitionUri"] = "statemachine/bluegreen.asl.json";

        var rejected = Assert.Throws<SamTransform.Rejected>(() => SamTransform.Run(unpackaged));

        Assert.Contains("DefinitionUri", rejected.Message);
    }
}
