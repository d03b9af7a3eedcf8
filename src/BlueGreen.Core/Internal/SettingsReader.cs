using System.Text.Json;
using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Binds a settings document that <see cref="SettingsSchema"/> has accepted to
/// <see cref="ApplicationSettings"/>, defaulting what is missing. It checks no limit and no shape:
/// those are the schema's alone (<c>schemas/settings.schema.json</c>). Only the rules inside
/// <c>traffic</c> that depend on its type are reported here (shared with requests, see
/// <see cref="TrafficReader"/>); the rules between sections are <see cref="SettingsRules"/>'.
/// </summary>
internal static class SettingsReader
{
    public static ApplicationSettings Read(JsonElement root, ProblemCollector problems)
    {
        var document = ObjectReader.Open(root, JsonPath.Root, problems, "")!;
        return new ApplicationSettings
        {
            LiveGroup = Text(root, "liveGroup"),
            Strategy = Text(root, "strategy") is { } strategy ? EnumNames.Strategies[strategy] : DeploymentStrategy.Swap,
            TargetGroupArns = Texts(root, "targetGroupArns") ?? [],
            Weighted = Get(root, "weighted") is { } w ? new WeightedSettings(Text(w, "listenerArn")!, Text(w, "ruleArn"), Texts(w, "targetGroupArns")!) : null,
            Dns = Get(root, "dns") is { } d
                ? new DnsSettings(
                    Text(d, "hostedZoneId")!,
                    Text(d, "recordName")!,
                    d.GetProperty("colors").EnumerateArray().Select(c => new DnsColor(Text(c, "setIdentifier")!, Text(c, "loadBalancerArn")!, Text(c, "targetGroupArn")!)).ToArray())
                : null,
            Pair = Get(root, "pair") is { } p ? new PairSettings(Texts(p, "groups")!) : null,
            Traffic = TrafficReader.Read(document, "traffic") ?? TrafficSettings.AllAtOnce,
            Health = Get(root, "health") is { } h
                ? new HealthSettings(
                    Number(h, "minHealthyPercent") ?? HealthSettings.Default.MinHealthyPercent,
                    Number(h, "timeoutSeconds") ?? HealthSettings.Default.TimeoutSeconds,
                    Texts(h, "alarmNames"),
                    Number(h, "bakeSeconds") ?? HealthSettings.Default.BakeSeconds)
                : HealthSettings.Default,
            CodeDeploy = Get(root, "codeDeploy") is { } c
                ? new CodeDeploySettings(
                    Text(c, "application")!,
                    Text(c, "deploymentGroup")!,
                    RevisionReader.Read(document.Object("codeDeploy", required: true, "")!, "revision", required: false),
                    Number(c, "timeoutSeconds") ?? CodeDeploySettings.DefaultTimeoutSeconds)
                : null,
            ColorTag = Get(root, "colorTag") is { } t
                ? new ColorTag(Text(t, "key") ?? ColorTag.Default.Key, Text(t, "blue") ?? ColorTag.Default.Blue, Text(t, "green") ?? ColorTag.Default.Green)
                : ColorTag.Default,
            BlueAfterCutover = Get(root, "blueAfterCutover") is { } b
                ? new BlueAfterCutover(
                    Text(b, "action") is { } action ? EnumNames.BlueActions[action] : BlueAfterCutover.Default.Action,
                    Number(b, "waitSeconds") ?? BlueAfterCutover.Default.WaitSeconds,
                    Number(b, "drainSeconds") ?? BlueAfterCutover.Default.DrainSeconds)
                : BlueAfterCutover.Default,
            Approval = Get(root, "approval") is { } a
                ? new ApprovalSettings(
                    Get(a, "required")?.GetBoolean() ?? ApprovalSettings.Default.Required,
                    Number(a, "timeoutSeconds") ?? ApprovalSettings.Default.TimeoutSeconds)
                : ApprovalSettings.Default,
            AllowedImageOwners = Texts(root, "allowedImageOwners") ?? ["self"],
            NotificationTopicArn = Text(root, "notificationTopicArn"),
        };
    }

    /// <summary>The property's value; JSON <c>null</c> counts as not given.</summary>
    private static JsonElement? Get(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement parent, string name) => Get(parent, name)?.GetString();

    private static int? Number(JsonElement parent, string name) => Get(parent, name)?.GetInt32();

    private static IReadOnlyList<string>? Texts(JsonElement parent, string name) =>
        Get(parent, name)?.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
