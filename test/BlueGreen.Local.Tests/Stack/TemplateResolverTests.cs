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
    [InlineData("""{"Fn::If":["c","a","b"]}""", "Fn::If")]
    public void Resolve_Unknown_FailsNamingIt(string value, string named)
    {
        var failure = Assert.Throws<StackDeploymentFailed>(() => Resolver.Resolve(JsonNode.Parse(value)));

        Assert.Contains(named, failure.Message);
    }
}
