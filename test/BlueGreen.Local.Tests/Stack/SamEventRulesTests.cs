using System.Text.Json.Nodes;
using BlueGreen.Local.Stack;

namespace BlueGreen.Local.Tests.Stack;

public sealed class SamEventRulesTests
{
    private static readonly JsonObject Template = JsonNode.Parse("""
        {
          "Resources": {
            "Machine": {
              "Type": "AWS::Serverless::StateMachine",
              "Properties": {
                "Name": "Deploy",
                "Definition": { "StartAt": "Done", "States": { "Done": { "Type": "Succeed" } } },
                "Events": {
                  "AmiAvailable": { "Type": "EventBridgeRule", "Properties": { "Pattern": { "source": ["aws.ec2"] } } },
                  "Named": {
                    "Type": "CloudWatchEvent",
                    "Properties": {
                      "Pattern": { "source": ["aws.imagebuilder"] }, "RuleName": "named-rule", "State": "DISABLED",
                      "InputPath": "$.detail", "Target": { "Id": "custom" }
                    }
                  },
                  "Fixed": { "Type": "EventBridgeRule", "Properties": { "Pattern": { "source": ["x"] }, "Input": "{\"a\":1}", "Enabled": false } }
                }
              }
            }
          }
        }
        """)!.AsObject();

    private static readonly TemplateResolver Resolver = new(Template, "us-east-1", "123456789012", "stack");

    [Fact]
    public void Expand_EventBridgeRuleWithoutName_LogicalIdNameTargetAndRoleAsSamGeneratesThem()
    {
        var (id, resource) = Expand().First();

        var rule = TemplateResources.EventRule(id, resource, Resolver);

        Assert.Equal("MachineAmiAvailable", rule.Name);
        Assert.Equal("""{"source":["aws.ec2"]}""", rule.Pattern);
        Assert.Equal("ENABLED", rule.State);
        var target = Assert.Single(rule.Targets)!;
        Assert.Equal("MachineAmiAvailableStepFunctionsTarget", target["Id"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:Deploy", target["Arn"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::123456789012:role/MachineAmiAvailableRole", target["RoleArn"]!.GetValue<string>());
        Assert.Null(target["Input"]);
    }

    [Fact]
    public void Expand_RuleNameStateInputPathTargetId_PassedThrough()
    {
        var (id, resource) = Expand().Single(r => r.LogicalId == "MachineNamed");

        var rule = TemplateResources.EventRule(id, resource, Resolver);

        Assert.Equal(("named-rule", "DISABLED"), (rule.Name, rule.State));
        var target = Assert.Single(rule.Targets)!;
        Assert.Equal(("custom", "$.detail"), (target["Id"]!.GetValue<string>(), target["InputPath"]!.GetValue<string>()));
    }

    [Fact]
    public void Expand_InputAndEnabledFalse_FixedInputDisabledRule()
    {
        var (id, resource) = Expand().Single(r => r.LogicalId == "MachineFixed");

        var rule = TemplateResources.EventRule(id, resource, Resolver);

        Assert.Equal("DISABLED", rule.State);
        Assert.Equal("""{"a":1}""", Assert.Single(rule.Targets)!["Input"]!.GetValue<string>());
    }

    [Fact]
    public void Expand_OtherEventType_FailsNamingTheEvent()
    {
        var machine = JsonNode.Parse("""{ "Properties": { "Events": { "Nightly": { "Type": "Schedule", "Properties": { "Schedule": "rate(1 day)" } } } } }""")!.AsObject();

        var failure = Assert.Throws<StackDeploymentFailed>(() => SamEventRules.Expand("Machine", machine, "123456789012").ToList());

        Assert.Contains("Machine.Events.Nightly", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Schedule", failure.Message, StringComparison.Ordinal);
    }

    private static List<(string LogicalId, JsonObject Resource)> Expand() =>
        SamEventRules.Expand("Machine", Template["Resources"]!["Machine"]!.AsObject(), "123456789012").ToList();
}
