using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Local.Stack;

/// <summary>
/// Resolves the CloudFormation values a local deployment needs: Ref, Fn::GetAtt (…Arn), Fn::Sub,
/// Fn::Join, Fn::If over the template's Conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or,
/// Condition) and the pseudo parameters, the way CloudFormation would for this account, region
/// and stack name.
/// A Lambda function's name is its logical id, which is how the gateway finds its handler.
/// </summary>
public sealed partial class TemplateResolver(JsonObject template, string region, string accountId, string stackName)
{
    private JsonObject Resources => template["Resources"]?.AsObject() ?? [];

    public string Resolve(JsonNode? value) => value switch
    {
        JsonValue scalar => scalar.ToString(),
        JsonObject { Count: 1 } function when function.ContainsKey("Ref") => Ref(function["Ref"]!.GetValue<string>()),
        JsonObject { Count: 1 } function when function.ContainsKey("Fn::GetAtt") => GetAtt(function["Fn::GetAtt"]!),
        JsonObject { Count: 1 } function when function.ContainsKey("Fn::Sub") => Sub(function["Fn::Sub"]!),
        JsonObject { Count: 1 } function when function.ContainsKey("Fn::Join") => Join(function["Fn::Join"]!.AsArray()),
        JsonObject { Count: 1 } function when function.ContainsKey("Fn::If") => If(function["Fn::If"]!),
        _ => throw new StackDeploymentFailed($"cannot resolve {value?.ToJsonString() ?? "null"} locally"),
    };

    public string Ref(string name)
    {
        switch (name)
        {
            case "AWS::Region": return region;
            case "AWS::AccountId": return accountId;
            case "AWS::Partition": return "aws";
            case "AWS::StackName": return stackName;
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return string.Empty;
        }

        if (template["Parameters"]?[name] is JsonObject parameter)
        {
            return parameter["Default"] is { } fallback
                ? Resolve(fallback)
                : throw new StackDeploymentFailed($"parameter {name} has no Default to use locally");
        }

        var resource = Resource(name);
        return Type(resource) switch
        {
            "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable" => TableName(name),
            "AWS::Serverless::Function" or "AWS::Lambda::Function" => name,
            "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" => StateMachineArn(name),
            "AWS::SNS::Topic" => $"arn:aws:sns:{region}:{accountId}:{NameProperty(resource, "TopicName", name)}",
            "AWS::SQS::Queue" => $"https://sqs.{region}.amazonaws.com/{accountId}/{NameProperty(resource, "QueueName", name)}",
            _ => NameProperty(resource, "Name", name),
        };
    }

    public string GetAtt(JsonNode target)
    {
        var (name, attribute) = target switch
        {
            JsonArray { Count: 2 } pair => (pair[0]!.GetValue<string>(), Resolve(pair[1])),
            JsonValue dotted when dotted.GetValue<string>().Split('.', 2) is [var n, var a] => (n, a),
            _ => throw new StackDeploymentFailed($"malformed Fn::GetAtt {target.ToJsonString()}"),
        };
        var resource = Resource(name);
        return (Type(resource), attribute) switch
        {
            ("AWS::Serverless::Function" or "AWS::Lambda::Function", "Arn") => FunctionArn(name),
            ("AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable", "Arn") => $"arn:aws:dynamodb:{region}:{accountId}:table/{TableName(name)}",
            ("AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine", "Arn") => StateMachineArn(name),
            ("AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine", "Name") => StateMachineName(name),
            ("AWS::SNS::Topic", "TopicArn") => Ref(name),
            ("AWS::IAM::Role", "Arn") => $"arn:aws:iam::{accountId}:role/{NameProperty(resource, "RoleName", name)}",
            var (type, _) => throw new StackDeploymentFailed($"Fn::GetAtt {name}.{attribute} ({type}) is not known to the local cloud"),
        };
    }

    /// <summary>The value of the template's condition <paramref name="name"/>, as CloudFormation
    /// evaluates it for this stack.</summary>
    public bool Condition(string name) =>
        template["Conditions"]?[name] is { } condition
            ? Evaluate(condition)
            : throw new StackDeploymentFailed($"the template has no condition named {name}");

    /// <summary>Whether CloudFormation would create <paramref name="resource"/>: it has no
    /// <c>Condition</c>, or its condition is true.</summary>
    public bool IsCreated(JsonObject resource) =>
        resource["Condition"] is not JsonValue name || Condition(name.GetValue<string>());

    public string FunctionArn(string logicalId) => $"arn:aws:lambda:{region}:{accountId}:function:{logicalId}";

    public string TableName(string logicalId) => NameProperty(Resource(logicalId), "TableName", logicalId);

    public string StateMachineName(string logicalId) => NameProperty(Resource(logicalId), "Name", logicalId);

    public string StateMachineArn(string logicalId) => $"arn:aws:states:{region}:{accountId}:stateMachine:{StateMachineName(logicalId)}";

    private string Sub(JsonNode argument)
    {
        var (text, variables) = argument switch
        {
            JsonValue plain => (plain.GetValue<string>(), new JsonObject()),
            JsonArray { Count: 2 } pair => (pair[0]!.GetValue<string>(), pair[1]!.AsObject()),
            _ => throw new StackDeploymentFailed($"malformed Fn::Sub {argument.ToJsonString()}"),
        };
        return SubVariable().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (name.StartsWith('!'))
            {
                return "${" + name[1..] + "}";
            }

            if (variables.TryGetPropertyValue(name, out var variable))
            {
                return Resolve(variable);
            }

            return name.Contains('.') && !name.StartsWith("AWS::", StringComparison.Ordinal)
                ? GetAtt(JsonValue.Create(name))
                : Ref(name);
        });
    }

    private string Join(JsonArray argument)
    {
        if (argument is not [JsonValue delimiter, JsonArray parts])
        {
            throw new StackDeploymentFailed($"malformed Fn::Join {argument.ToJsonString()}");
        }

        return string.Join(delimiter.GetValue<string>(), parts.Select(Resolve));
    }

    private string If(JsonNode argument) => argument switch
    {
        JsonArray { Count: 3 } choice when choice[0] is JsonValue name =>
            Resolve(Condition(name.GetValue<string>()) ? choice[1] : choice[2]),
        _ => throw new StackDeploymentFailed($"malformed Fn::If {argument.ToJsonString()}"),
    };

    private bool Evaluate(JsonNode condition) => condition switch
    {
        JsonObject { Count: 1 } function when function["Fn::Equals"] is JsonArray { Count: 2 } pair =>
            string.Equals(Resolve(pair[0]), Resolve(pair[1]), StringComparison.Ordinal),
        JsonObject { Count: 1 } function when function["Fn::Not"] is JsonArray { Count: 1 } one => !Evaluate(one[0]!),
        JsonObject { Count: 1 } function when function["Fn::And"] is JsonArray all => all.All(c => Evaluate(c!)),
        JsonObject { Count: 1 } function when function["Fn::Or"] is JsonArray any => any.Any(c => Evaluate(c!)),
        JsonObject { Count: 1 } function when function["Condition"] is JsonValue name => Condition(name.GetValue<string>()),
        _ => throw new StackDeploymentFailed($"cannot evaluate the condition {condition.ToJsonString()} locally"),
    };

    private JsonObject Resource(string logicalId) =>
        Resources[logicalId] as JsonObject
        ?? throw new StackDeploymentFailed($"the template has no resource or parameter named {logicalId}");

    private static string Type(JsonObject resource) => resource["Type"]?.GetValue<string>() ?? "?";

    private string NameProperty(JsonObject resource, string property, string fallback) =>
        resource["Properties"]?[property] is { } name ? Resolve(name) : fallback;

    [GeneratedRegex(@"\$\{(?<name>[^}]+)\}")]
    private static partial Regex SubVariable();
}
