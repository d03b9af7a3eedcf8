using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Cli.Operator;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Settings;

namespace BlueGreen.Cli.Inspection;

/// <summary>
/// Which applications exist: those with settings in SSM (<c>/bluegreen/applications/&lt;app&gt;</c>)
/// and those whose Auto Scaling groups carry <c>bluegreen:application</c>. Two reads, whatever the
/// number of applications (both follow their NextToken).
/// </summary>
internal sealed class ApplicationCatalog(AwsClients aws)
{
    public const string SettingsPath = "/bluegreen/applications";

    private IReadOnlyDictionary<string, string>? _settings;
    private IReadOnlyList<AutoScalingGroup>? _groups;

    /// <summary>Every application, sorted by name.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        var groups = await GroupsAsync(cancellationToken);
        return settings.Keys.Select(name => name[(SettingsPath.Length + 1)..])
            .Concat(groups.Select(g => Tag(g, TagKeys.Application)).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The application's settings JSON, or null when it has none;
    /// <see cref="OperatorError"/> ApplicationNotFound when neither settings nor groups know it.</summary>
    public async Task<string?> RequireAsync(string application, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        if (settings.TryGetValue(ApplicationSettings.ParameterName(application), out var json))
        {
            return json;
        }

        if ((await GroupsAsync(cancellationToken)).Any(g => Tag(g, TagKeys.Application) == application))
        {
            return null;
        }

        var known = await ListAsync(cancellationToken);
        throw new OperatorError(
            "ApplicationNotFound",
            $"No application {application}: no settings parameter {ApplicationSettings.ParameterName(application)} and no Auto Scaling group tagged {TagKeys.Application}={application}.",
            known.Count == 0
                ? "No application is set up yet: store its settings in that parameter (README, Settings)."
                : $"Known: {string.Join(", ", known)}. Check the name, --region and --profile.");
    }

    /// <summary>The application's groups (tagged <c>bluegreen:application=&lt;app&gt;</c>).</summary>
    public async Task<IReadOnlyList<AutoScalingGroup>> GroupsOfAsync(string application, CancellationToken cancellationToken) =>
        (await GroupsAsync(cancellationToken)).Where(g => Tag(g, TagKeys.Application) == application).ToList();

    public static string? Tag(AutoScalingGroup group, string key) => group.Tags.FirstOrDefault(t => t.Key == key)?.Value;

    private async Task<IReadOnlyDictionary<string, string>> SettingsAsync(CancellationToken cancellationToken) =>
        _settings ??= await aws.Parameters.GetParametersByPathAsync(SettingsPath, cancellationToken);

    private async Task<IReadOnlyList<AutoScalingGroup>> GroupsAsync(CancellationToken cancellationToken) =>
        _groups ??= await aws.AutoScaling.DescribeAutoScalingGroupsByTagKeyAsync(TagKeys.Application, cancellationToken);
}
