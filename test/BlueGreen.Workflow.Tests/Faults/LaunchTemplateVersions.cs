using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>The version numbers of some launch templates at one moment, to see which a deployment added.</summary>
public sealed record LaunchTemplateVersions(IReadOnlyDictionary<string, IReadOnlySet<long>> Versions)
{
    public IReadOnlyList<string> TemplateIds => [.. Versions.Keys];

    public static async Task<LaunchTemplateVersions> ReadAsync(WorkflowCloud cloud, IReadOnlyList<string> templateIds)
    {
        var versions = new Dictionary<string, IReadOnlySet<long>>(StringComparer.Ordinal);
        foreach (var id in templateIds)
        {
            var described = await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(id), []);
            versions[id] = described.Select(v => v.VersionNumber).ToHashSet();
        }

        return new LaunchTemplateVersions(versions);
    }

    public IEnumerable<(string TemplateId, long Version)> AddedSince(LaunchTemplateVersions before) =>
        Versions.SelectMany(t => t.Value.Except(before.Versions.GetValueOrDefault(t.Key) ?? new HashSet<long>()).Order().Select(v => (t.Key, v)));

    public long Latest(string templateId) => Versions.TryGetValue(templateId, out var numbers) && numbers.Count > 0 ? numbers.Max() : 0;
}
