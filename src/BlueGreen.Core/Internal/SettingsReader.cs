using System.Text.Json;
using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Reads settings JSON into <see cref="ApplicationSettings"/>, defaulting what is missing and
/// recording shape problems (most of which the schema pass also reports; duplicates are merged).
/// </summary>
internal static class SettingsReader
{
    public static ApplicationSettings Read(JsonElement root, ProblemCollector problems)
    {
        var reader = ObjectReader.Open(root, JsonPath.Root, problems, "store a JSON object such as {\"strategy\": \"swap\", \"targetGroupArns\": [\"arn:...\"]}");
        if (reader is null)
        {
            return new ApplicationSettings();
        }

        reader.String("$schema", required: false, "a link to the schema, for editors");
        var liveGroup = reader.String("liveGroup", required: false, "name the Auto Scaling group to adopt as blue, 1 to 255 characters, or null");
        if (liveGroup is not null && (liveGroup.Length is 0 or > 255 || Rules.HasControlCharacters(liveGroup)))
        {
            problems.Add(reader.At("liveGroup"), "is not an Auto Scaling group name", "use 1 to 255 characters without control characters, or null");
        }

        var settings = new ApplicationSettings
        {
            LiveGroup = liveGroup,
            Strategy = EnumNames.Read(reader, "strategy", EnumNames.Strategies, required: false, "strategy") ?? DeploymentStrategy.Swap,
            TargetGroupArns = ArnReader.Arns(reader, "targetGroupArns", Rules.TargetGroupArn(), Rules.TargetGroupArnFix) ?? [],
            Weighted = StrategySectionReader.ReadWeighted(reader),
            Dns = StrategySectionReader.ReadDns(reader),
            Pair = StrategySectionReader.ReadPair(reader),
            Traffic = TrafficReader.Read(reader, "traffic") ?? TrafficSettings.AllAtOnce,
            Health = ReadHealth(reader),
            CodeDeploy = ReadCodeDeploy(reader),
            ColorTag = ReadColorTag(reader),
            BlueAfterCutover = ReadBlueAfterCutover(reader),
            Approval = ReadApproval(reader),
            AllowedImageOwners = ReadOwners(reader),
            NotificationTopicArn = ArnReader.Arn(reader, "notificationTopicArn", required: false, Rules.TopicArn(), Rules.TopicArnFix),
        };
        reader.RejectUnknown();
        return settings;
    }

    private static HealthSettings ReadHealth(ObjectReader parent)
    {
        var reader = parent.Object("health", required: false, "give minHealthyPercent, timeoutSeconds, alarmNames and bakeSeconds");
        if (reader is null)
        {
            return HealthSettings.Default;
        }

        var defaults = HealthSettings.Default;
        var health = new HealthSettings(
            reader.Int("minHealthyPercent", 1, 100, required: false, "give the share of green's instances that must be healthy, 1 to 100") ?? defaults.MinHealthyPercent,
            reader.Int("timeoutSeconds", 30, 86_400, required: false, "give how long green may take to become healthy, 30 to 86400 seconds") ?? defaults.TimeoutSeconds,
            reader.Strings("alarmNames", required: false, "list CloudWatch alarm names") ?? [],
            reader.Int("bakeSeconds", 0, 86_400, required: false, "give how long to watch each traffic step, 0 to 86400 seconds") ?? defaults.BakeSeconds);
        reader.RejectUnknown();

        for (var i = 0; i < health.AlarmNames.Count; i++)
        {
            if (health.AlarmNames[i].Length is 0 or > 255)
            {
                reader.Problems.Add(JsonPath.Index(reader.At("alarmNames"), i), "is not a CloudWatch alarm name", "use the alarm's name, 1 to 255 characters");
            }
        }

        if (health.AlarmNames.Count > 100)
        {
            reader.Problems.Add(reader.At("alarmNames"), $"lists {health.AlarmNames.Count} alarms", "list at most 100 alarms (one DescribeAlarms call); use a composite alarm for more");
        }

        return health;
    }

    private static CodeDeploySettings? ReadCodeDeploy(ObjectReader parent)
    {
        var reader = parent.Object("codeDeploy", required: false, "give application, deploymentGroup, revision (or null) and timeoutSeconds, or null for no CodeDeploy step");
        if (reader is null)
        {
            return null;
        }

        var application = reader.String("application", required: true, "give the CodeDeploy application name");
        var group = reader.String("deploymentGroup", required: true, "give the CodeDeploy deployment group name");
        foreach (var (name, value) in new[] { ("application", application), ("deploymentGroup", group) })
        {
            if (value is not null && value.Length is 0 or > 100)
            {
                reader.Problems.Add(reader.At(name), "must be 1 to 100 characters", "use the CodeDeploy name as shown in the console");
            }
        }

        var revision = RevisionReader.Read(reader, "revision", required: false);
        var timeout = reader.Int("timeoutSeconds", 60, 86_400, required: false, "give how long the CodeDeploy deployment may take, 60 to 86400 seconds");
        reader.RejectUnknown();
        return new CodeDeploySettings(application ?? "", group ?? "", revision, timeout ?? CodeDeploySettings.DefaultTimeoutSeconds);
    }

    private static ColorTag ReadColorTag(ObjectReader parent)
    {
        var reader = parent.Object("colorTag", required: false, "give key, blue and green");
        if (reader is null)
        {
            return ColorTag.Default;
        }

        var key = reader.String("key", required: false, "give the tag key, e.g. bluegreen:color");
        if (key is not null && (key.Length is 0 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
        {
            reader.Problems.Add(reader.At("key"), $"\"{ObjectReader.Shorten(key)}\" cannot be a tag key", "use 1 to 128 characters not starting with aws:");
        }

        var blue = reader.String("blue", required: false, "give the value that marks the live fleet, e.g. blue");
        var green = reader.String("green", required: false, "give the value that marks the new fleet, e.g. green");
        foreach (var (name, value) in new[] { ("blue", blue), ("green", green) })
        {
            if (value is not null && value.Length is 0 or > 256)
            {
                reader.Problems.Add(reader.At(name), "must be 1 to 256 characters", "use a short tag value such as blue or green");
            }
        }

        reader.RejectUnknown();
        var defaults = ColorTag.Default;
        return new ColorTag(key ?? defaults.Key, blue ?? defaults.Blue, green ?? defaults.Green);
    }

    private static BlueAfterCutover ReadBlueAfterCutover(ObjectReader parent)
    {
        var reader = parent.Object("blueAfterCutover", required: false, "give action, waitSeconds and drainSeconds");
        if (reader is null)
        {
            return BlueAfterCutover.Default;
        }

        var defaults = BlueAfterCutover.Default;
        var value = new BlueAfterCutover(
            EnumNames.Read(reader, "action", EnumNames.BlueActions, required: false, "action") ?? defaults.Action,
            reader.Int("waitSeconds", 0, 604_800, required: false, "give how long blue stays ready for rollback, 0 to 604800 seconds") ?? defaults.WaitSeconds,
            reader.Int("drainSeconds", 0, 3600, required: false, "give the connection draining time, 0 to 3600 seconds") ?? defaults.DrainSeconds);
        reader.RejectUnknown();
        return value;
    }

    private static ApprovalSettings ReadApproval(ObjectReader parent)
    {
        var reader = parent.Object("approval", required: false, "give required and timeoutSeconds");
        if (reader is null)
        {
            return ApprovalSettings.Default;
        }

        var defaults = ApprovalSettings.Default;
        var value = new ApprovalSettings(
            reader.Bool("required", "use true to wait for a person's approval") ?? defaults.Required,
            reader.Int("timeoutSeconds", 60, 604_800, required: false, "give how long to wait for approval, 60 to 604800 seconds") ?? defaults.TimeoutSeconds);
        reader.RejectUnknown();
        return value;
    }

    private static IReadOnlyList<string> ReadOwners(ObjectReader reader)
    {
        const string fix = "list self, amazon, aws-marketplace or 12-digit account ids";
        var owners = reader.Strings("allowedImageOwners", required: false, fix);
        if (owners is null)
        {
            return ["self"];
        }

        if (owners.Count == 0)
        {
            reader.Problems.Add(reader.At("allowedImageOwners"), "is empty, so no AMI could be deployed", fix);
        }

        for (var i = 0; i < owners.Count; i++)
        {
            if (!Rules.ImageOwner().IsMatch(owners[i]))
            {
                reader.Problems.Add(JsonPath.Index(reader.At("allowedImageOwners"), i), $"\"{ObjectReader.Shorten(owners[i])}\" is not an image owner", fix);
            }
        }

        return owners;
    }
}
