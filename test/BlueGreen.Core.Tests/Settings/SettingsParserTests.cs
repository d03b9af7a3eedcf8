using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;

namespace BlueGreen.Core.Tests.Settings;

public sealed class SettingsParserTests
{
    private const string TargetGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/0123456789abcdef";

    private static string Bad(string name) => Fixture.Read("Settings", "Fixtures", name);

    [Fact]
    public void Parse_OnlyTargetGroups_TakesEveryDefaultOfTheDesign()
    {
        var settings = SettingsParser.Parse($$"""{"targetGroupArns": ["{{TargetGroup}}"]}""");

        Assert.Null(settings.LiveGroup);
        Assert.Equal(DeploymentStrategy.Swap, settings.Strategy);
        Assert.Equal(TrafficSettings.AllAtOnce, settings.Traffic);
        Assert.Equal((100, 900, 0), (settings.Health.MinHealthyPercent, settings.Health.TimeoutSeconds, settings.Health.BakeSeconds));
        Assert.Empty(settings.Health.AlarmNames);
        Assert.Null(settings.CodeDeploy);
        Assert.Equal(new ColorTag("bluegreen:color", "blue", "green"), settings.ColorTag);
        Assert.Equal(new BlueAfterCutover(BlueAction.Terminate, 0, 120), settings.BlueAfterCutover);
        Assert.Equal(new ApprovalSettings(false, 86400), settings.Approval);
        Assert.Equal(["self"], settings.AllowedImageOwners);
        Assert.Null(settings.NotificationTopicArn);
    }

    [Fact]
    public void Parse_InGroupWithoutTargetGroups_IsAllowed() =>
        Assert.Equal(DeploymentStrategy.InGroup, SettingsParser.Parse("""{"strategy": "in-group"}""").Strategy);

    [Theory]
    [InlineData("malformed.json", "$", "the settings document is not valid JSON at line 1")]
    [InlineData("not-an-object.json", "$", "must be an object, not an array")]
    [InlineData("swap-without-target-groups.json", "$.targetGroupArns", "the swap strategy needs at least one target group")]
    [InlineData("weighted-without-section.json", "$.weighted", "is required by the weighted strategy")]
    [InlineData("weighted-one-target-group.json", "$.weighted.targetGroupArns", "must list at least 2 items, not 1")]
    [InlineData("weighted-without-listener.json", "$.weighted.listenerArn", "is required")]
    [InlineData("weighted-same-target-group-twice.json", "$.weighted.targetGroupArns", "lists the same value more than once")]
    [InlineData("dns-without-section.json", "$.dns", "is required by the dns strategy")]
    [InlineData("dns-one-color.json", "$.dns.colors", "must list at least 2 items, not 1")]
    [InlineData("dns-same-set-identifier.json", "$.dns.colors[1].setIdentifier", "repeats colors[0].setIdentifier")]
    [InlineData("dns-bad-record-name.json", "$.dns.recordName", "is not a DNS name")]
    [InlineData("bad-target-group-arn.json", "$.targetGroupArns[0]", "does not have the expected form")]
    [InlineData("same-color-values.json", "$.colorTag.green", "equals the blue value \"live\"")]
    [InlineData("unknown-property.json", "$.tragetGroupArns", "did you mean 'targetGroupArns'?")]
    [InlineData("min-healthy-percent-zero.json", "$.health.minHealthyPercent", "must be at least 1, not 0")]
    [InlineData("timeout-not-number.json", "$.health.timeoutSeconds", "must be a whole number, not the string \"15m\"")]
    [InlineData("swap-with-linear-traffic.json", "$.traffic.type", "Linear traffic cannot be used with the swap strategy")]
    [InlineData("canary-percent-100.json", "$.traffic.percent", "must be from 1 to 99, not 100")]
    [InlineData("bad-image-owner.json", "$.allowedImageOwners[0]", "the string \"me\" does not have the expected form")]
    [InlineData("unknown-strategy.json", "$.strategy", "the string \"blue-green\" is not one of swap, weighted, dns, in-group")]
    [InlineData("bad-blue-action.json", "$.blueAfterCutover.action", "is not one of terminate, scaleToZero, keep")]
    [InlineData("aws-color-tag-key.json", "$.colorTag.key", "the string \"aws:color\" is not a usable tag key")]
    [InlineData("code-deploy-without-group.json", "$.codeDeploy.deploymentGroup", "is required")]
    [InlineData("bad-topic-arn.json", "$.notificationTopicArn", "does not have the expected form")]
    [InlineData("negative-wait.json", "$.blueAfterCutover.waitSeconds", "must be at least 0, not -1")]
    public void Parse_BadSettings_ReportsProblemAtPath(string fixture, string path, string text) =>
        ProblemAssert.Throws(() => SettingsParser.Parse(Bad(fixture)), path, text);

    [Fact]
    public void Parse_UnknownStrategy_DoesNotAlsoBlameTheDefaultStrategysSection()
    {
        var error = Assert.Throws<InvalidRequest>(() => SettingsParser.Parse("""{"strategy": "blue-green"}"""));

        Assert.Equal(["$.strategy"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Parse_SchemaAndRuleProblems_SchemaProblemsFirstEachOnce()
    {
        var error = Assert.Throws<InvalidRequest>(() => SettingsParser.Parse(Bad("schema-and-rule-problems.json"), "/bluegreen/applications/shop"));

        // The rules between fields wait for a document the schema accepts: nothing is reported twice.
        Assert.Equal(["$.approval.required", "$.health.bakeSeconds"], error.Problems.Select(p => p.Path));
        Assert.StartsWith("The settings parameter /bluegreen/applications/shop has 2 problems:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SchemaAccepts_EveryRuleProblemInOneError()
    {
        var fixedShape = Bad("schema-and-rule-problems.json").Replace("-3", "3", StringComparison.Ordinal).Replace("\"yes\"", "true", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidRequest>(() => SettingsParser.Parse(fixedShape));

        Assert.Equal(["$.colorTag.green", "$.weighted"], error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_PatternWithATitle_NamesWhatTheValueShouldBe()
    {
        var error = ProblemAssert.Throws(() => SettingsParser.Parse("""{"strategy": "in-group", "liveGroup": "shop\u0007blue"}"""), "$.liveGroup", "is not an Auto Scaling group name");

        Assert.Contains("control characters", error.Problems[0].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PropertyGivenTwice_Refused() =>
        ProblemAssert.Throws(() => SettingsParser.Parse("""{"strategy": "in-group", "health": {"bakeSeconds": 1, "bakeSeconds": 2}}"""), "$.health.bakeSeconds", "is given more than once");

    [Fact]
    public void MaxIntervalSeconds_Constant_IsTheSchemasMaximum()
    {
        using var schema = JsonDocument.Parse(SettingsParser.SchemaText);

        var maximum = schema.RootElement.GetProperty("$defs").GetProperty("traffic").GetProperty("properties").GetProperty("intervalSeconds").GetProperty("maximum").GetInt32();

        Assert.Equal(TrafficSettings.MaxIntervalSeconds, maximum);
    }

    [Fact]
    public void Parse_SchemaProblem_FixQuotesTheSchemaDescription()
    {
        var error = ProblemAssert.Throws(() => SettingsParser.Parse(Bad("min-healthy-percent-zero.json")), "$.health.minHealthyPercent", "must be at least 1");

        Assert.StartsWith("Share of green's desired instances", error.Problems[0].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_SaysSettingsAreEmpty() =>
        ProblemAssert.Throws(() => SettingsParser.Parse(" "), "$", "the settings are empty");

    [Fact]
    public void SchemaText_EmbeddedCopy_IsThePublishedSchema() =>
        Assert.Equal(Fixture.Read("Settings", "Files", "settings.schema.json"), SettingsParser.SchemaText);

    [Fact]
    public void Schema_EveryProperty_HasADescriptionForEditors()
    {
        using var schema = JsonDocument.Parse(SettingsParser.SchemaText);
        var undocumented = new List<string>();
        Walk(schema.RootElement, "#", undocumented);

        Assert.Empty(undocumented);
    }

    private static void Walk(JsonElement node, string path, List<string> undocumented)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var documented = property.Value.TryGetProperty("description", out _) || property.Value.TryGetProperty("$ref", out _);
                if (!documented)
                {
                    undocumented.Add($"{path}/properties/{property.Name}");
                }

                Walk(property.Value, $"{path}/properties/{property.Name}", undocumented);
            }
        }

        foreach (var child in new[] { "items", "$defs" })
        {
            if (node.TryGetProperty(child, out var value))
            {
                if (child == "$defs")
                {
                    foreach (var def in value.EnumerateObject())
                    {
                        Walk(def.Value, $"{path}/$defs/{def.Name}", undocumented);
                    }
                }
                else
                {
                    Walk(value, $"{path}/items", undocumented);
                }
            }
        }
    }
}
