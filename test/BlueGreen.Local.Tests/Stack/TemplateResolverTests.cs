using System.Text.Json.Nodes;
using BlueGreen.Local.Stack;

namespace BlueGreen.Local.Tests.Stack;

public sealed class TemplateResolverTests
{
    private static readonly TemplateResolver Resolver = new(JsonNode.Parse("""
        {
          "Parameters": { "Stage": { "Type": "String", "Default": "dev" } },
          "Resources": {
            "ShiftTrafficFunction": { "Type": "AWS::Serverless::Function", "Properties": { "FunctionName": "ignored-locally" } },
            "LockTable": { "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": "locks" } },
            "UnnamedTable": { "Type": "AWS::DynamoDB::Table", "Properties": {} },
            "Topic": { "Type": "AWS::SNS::Topic", "Properties": {} },
            "Bucket": { "Type": "AWS::S3::Bucket", "Properties": {} }
          }
        }
        """)!.AsObject(), "us-east-1", "123456789012", "stack");

    [Theory]
    [InlineData("""{"Fn::GetAtt":["ShiftTrafficFunction","Arn"]}""", "arn:aws:lambda:us-east-1:123456789012:function:ShiftTrafficFunction")]
    [InlineData("""{"Fn::GetAtt":"LockTable.Arn"}""", "arn:aws:dynamodb:us-east-1:123456789012:table/locks")]
    [InlineData("""{"Ref":"LockTable"}""", "locks")]
    [InlineData("""{"Ref":"UnnamedTable"}""", "UnnamedTable")]
    [InlineData("""{"Ref":"Topic"}""", "arn:aws:sns:us-east-1:123456789012:Topic")]
    [InlineData("""{"Ref":"Stage"}""", "dev")]
    [InlineData("""{"Fn::Sub":"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:x/${AWS::StackName}-${Stage}"}""", "arn:aws:states:us-east-1:123456789012:x/stack-dev")]
    [InlineData("""{"Fn::Sub":"${ShiftTrafficFunction.Arn}|${LockTable}|${!Literal}"}""", "arn:aws:lambda:us-east-1:123456789012:function:ShiftTrafficFunction|locks|${Literal}")]
    [InlineData("""{"Fn::Sub":["${A}-${B}",{"A":"x","B":{"Ref":"LockTable"}}]}""", "x-locks")]
    [InlineData("""{"Fn::Join":["/",["a",{"Ref":"AWS::Region"}]]}""", "a/us-east-1")]
    [InlineData("\"literal ${NotSubstituted}\"", "literal ${NotSubstituted}")]
    public void Resolve_Intrinsic_LikeCloudFormation(string value, string expected) =>
        Assert.Equal(expected, Resolver.Resolve(JsonNode.Parse(value)));

    [Theory]
    [InlineData("""{"Ref":"Missing"}""", "Missing")]
    [InlineData("""{"Fn::GetAtt":["Bucket","Arn"]}""", "Bucket.Arn")]
    [InlineData("""{"Fn::If":["NoSuchCondition","a","b"]}""", "NoSuchCondition")]
    [InlineData("""{"Fn::If":["only-two","a"]}""", "Fn::If")]
    [InlineData("""{"Fn::Select":["0",["a"]]}""", "Fn::Select")]
    public void Resolve_Unknown_FailsNamingIt(string value, string named)
    {
        var failure = Assert.Throws<StackDeploymentFailed>(() => Resolver.Resolve(JsonNode.Parse(value)));

        Assert.Contains(named, failure.Message);
    }

    private static TemplateResolver PerStack(string stackName) => new(JsonNode.Parse("""
        {
          "Conditions": {
            "IsDefaultStack": { "Fn::Equals": [{ "Ref": "AWS::StackName" }, "bluegreen"] },
            "IsOtherStack": { "Fn::Not": [{ "Condition": "IsDefaultStack" }] },
            "InUsEast1": { "Fn::Equals": ["us-east-1", { "Ref": "AWS::Region" }] },
            "DefaultInUsEast1": { "Fn::And": [{ "Condition": "IsDefaultStack" }, { "Condition": "InUsEast1" }] },
            "DefaultOrElsewhere": { "Fn::Or": [{ "Condition": "IsDefaultStack" }, { "Fn::Not": [{ "Condition": "InUsEast1" }] }] },
            "Unknowable": { "Fn::Contains": [["a"], "a"] }
          },
          "Resources": {
            "Machine": {
              "Type": "AWS::Serverless::StateMachine",
              "Properties": {
                "Name": { "Fn::If": ["IsDefaultStack", "BlueGreenDeployment", { "Fn::Sub": "${AWS::StackName}-BlueGreenDeployment" }] }
              }
            }
          }
        }
        """)!.AsObject(), "us-east-1", "123456789012", stackName);

    [Theory]
    [InlineData("bluegreen", "BlueGreenDeployment")]
    [InlineData("shop-prod", "shop-prod-BlueGreenDeployment")]
    public void StateMachineName_FnIfOnTheStackName_NamesPerStack(string stackName, string expected)
    {
        var resolver = PerStack(stackName);

        Assert.Equal(expected, resolver.StateMachineName("Machine"));
        Assert.Equal($"arn:aws:states:us-east-1:123456789012:stateMachine:{expected}", resolver.Ref("Machine"));
    }

    [Theory]
    [InlineData("bluegreen", "IsOtherStack", false)]
    [InlineData("shop", "IsOtherStack", true)]
    [InlineData("bluegreen", "DefaultInUsEast1", true)]
    [InlineData("shop", "DefaultInUsEast1", false)]
    [InlineData("bluegreen", "DefaultOrElsewhere", true)]
    [InlineData("shop", "DefaultOrElsewhere", false)]
    public void Condition_Combinators_EvaluateLikeCloudFormation(string stackName, string condition, bool expected) =>
        Assert.Equal(expected, PerStack(stackName).Condition(condition));

    [Fact]
    public void Condition_UnsupportedFunction_FailsNamingIt()
    {
        var failure = Assert.Throws<StackDeploymentFailed>(() => PerStack("bluegreen").Condition("Unknowable"));

        Assert.Contains("Fn::Contains", failure.Message);
    }

    [Theory]
    [InlineData("bluegreen", false)]
    [InlineData("shop", true)]
    public void IsCreated_ResourceWithCondition_FollowsTheCondition(string stackName, bool expected)
    {
        var resolver = PerStack(stackName);
        var conditioned = JsonNode.Parse("""{ "Type": "AWS::SNS::Topic", "Condition": "IsOtherStack" }""")!.AsObject();

        Assert.Equal(expected, resolver.IsCreated(conditioned));
        Assert.True(resolver.IsCreated(JsonNode.Parse("""{ "Type": "AWS::SNS::Topic" }""")!.AsObject()));
    }
}
