using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Events;
using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Local.Stack;

/// <summary>
/// Deploys what the workflow needs from serverless.template into moto: its DynamoDB tables, each
/// state machine from the same ASL file and DefinitionSubstitutions that `sam deploy` uses, and
/// its EventBridge rules (AWS::Events::Rule, and the rules SAM generates from a state machine's
/// EventBridgeRule/CloudWatchEvent Events: pattern and targets, intrinsic values resolved).
/// A resource whose <c>Condition</c> is false for this stack is left out, as CloudFormation would.
/// </summary>
public sealed class StackDeployer(AwsClients moto, string region, string accountId, string stackName)
{
    public async Task<DeployedStack> DeployAsync(string templatePath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(templatePath))
        {
            throw new StackDeploymentFailed($"template not found: {templatePath}");
        }

        var template = JsonNode.Parse(await File.ReadAllTextAsync(templatePath, cancellationToken))?.AsObject()
            ?? throw new StackDeploymentFailed($"{templatePath} is not a JSON object");
        var resolver = new TemplateResolver(template, region, accountId, stackName);
        var resources = (template["Resources"]?.AsObject() ?? [])
            .Select(r => (Id: r.Key, Resource: r.Value!.AsObject()))
            .Where(r => resolver.IsCreated(r.Resource))
            .ToList();

        // Resolve every definition first, so a bad template fails before anything is created.
        var stateMachines = resources
            .Where(r => TypeOf(r.Resource) is "AWS::Serverless::StateMachine")
            .Select(r => (Name: resolver.StateMachineName(r.Id), Definition: TemplateResources.Definition(r.Id, r.Resource, templatePath, resolver), Role: Role(r.Resource, resolver)))
            .ToList();
        var rules = resources
            .Where(r => TypeOf(r.Resource) is "AWS::Events::Rule")
            .Concat(resources
                .Where(r => TypeOf(r.Resource) is "AWS::Serverless::StateMachine")
                .SelectMany(r => SamEventRules.Expand(r.Id, r.Resource, accountId).Select(rule => (Id: rule.LogicalId, rule.Resource))))
            .Select(r => TemplateResources.EventRule(r.Id, r.Resource, resolver))
            .ToList();

        var tables = new List<string>();
        foreach (var (id, resource) in resources.Where(r => TypeOf(r.Resource) is "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable"))
        {
            var request = CreateTableRequest(id, resource, resolver);
            var name = request["TableName"]!.GetValue<string>();
            if (!await TableExistsAsync(name, cancellationToken))
            {
                await moto.DynamoDb.CreateTableAsync(TableRequest.From(request), cancellationToken);
            }

            tables.Add(name);
        }

        var arns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition, role) in stateMachines)
        {
            arns[name] = await CreateOrUpdateStateMachineAsync(name, definition, role, cancellationToken);
        }

        // Rules last: their targets are the state machines above.
        foreach (var rule in rules)
        {
            await moto.Events.PutRuleAsync(rule.Name, rule.Pattern, rule.State != "DISABLED", cancellationToken);
            if (rule.Targets.Count > 0)
            {
                await moto.Events.PutTargetsAsync(rule.Name, [.. rule.Targets.Select(RuleTargetOf)], cancellationToken);
            }
        }

        return new DeployedStack(templatePath, arns, tables, rules.Select(r => r.Name).ToList())
        {
            StackName = stackName,
            Outputs = TemplateResources.Outputs(template, resolver),
        };
    }

    private async Task<bool> TableExistsAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await moto.DynamoDb.DescribeTableAsync(tableName, cancellationToken);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    private async Task<string> CreateOrUpdateStateMachineAsync(string name, string definition, string roleArn, CancellationToken cancellationToken)
    {
        var arn = $"arn:aws:states:{region}:{accountId}:stateMachine:{name}";
        try
        {
            await moto.StepFunctions.DescribeStateMachineAsync(arn, cancellationToken);
        }
        catch (AwsNotFoundException)
        {
            return await moto.StepFunctions.CreateStateMachineAsync(new NewStateMachine(name, definition, roleArn), cancellationToken);
        }

        await moto.StepFunctions.UpdateStateMachineAsync(arn, definition, roleArn, cancellationToken);
        return arn;
    }

    private static RuleTarget RuleTargetOf(JsonNode? target) => new(
        target!["Id"]!.GetValue<string>(),
        target["Arn"]!.GetValue<string>(),
        target["RoleArn"]?.GetValue<string>(),
        target["Input"]?.GetValue<string>(),
        target["InputPath"]?.GetValue<string>());

    private string Role(JsonObject resource, TemplateResolver resolver) =>
        resource["Properties"]?["Role"] is { } role
            ? resolver.Resolve(role)
            : $"arn:aws:iam::{accountId}:role/{stackName}-StateMachineRole";

    private static JsonObject CreateTableRequest(string logicalId, JsonObject resource, TemplateResolver resolver)
    {
        var properties = resource["Properties"]?.AsObject() ?? [];
        var request = new JsonObject { ["TableName"] = resolver.TableName(logicalId) };
        if (TypeOf(resource) == "AWS::Serverless::SimpleTable")
        {
            var key = properties["PrimaryKey"]?.AsObject();
            var keyName = key?["Name"]?.GetValue<string>() ?? "id";
            var keyType = key?["Type"]?.GetValue<string>() switch { "Number" => "N", "Binary" => "B", _ => "S" };
            request["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = keyName, ["KeyType"] = "HASH" });
            request["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = keyName, ["AttributeType"] = keyType });
            request["BillingMode"] = "PAY_PER_REQUEST";
            return request;
        }

        foreach (var name in new[] { "KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "ProvisionedThroughput" })
        {
            if (properties[name] is { } value)
            {
                request[name] = value.DeepClone();
            }
        }

        request["BillingMode"] = properties["BillingMode"]?.GetValue<string>() ?? (properties["ProvisionedThroughput"] is null ? "PAY_PER_REQUEST" : "PROVISIONED");
        if (request["KeySchema"] is null || request["AttributeDefinitions"] is null)
        {
            throw new StackDeploymentFailed($"{logicalId}: a DynamoDB table needs KeySchema and AttributeDefinitions");
        }

        return request;
    }

    private static string? TypeOf(JsonObject resource) => resource["Type"]?.GetValue<string>();
}
