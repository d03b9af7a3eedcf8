using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Promotion;

/// <summary>
/// After blue is retired: deletes the application's launch templates that an earlier deployment made
/// (tagged with its application and deployment) and that no group of the application launches from
/// any more — the retired blue's once its group is being deleted, an in-group or pair group's
/// previous one. A template a group still names (a blue kept or scaled to zero) stays, and so does
/// this deployment's. Every group that launches from one of them carries the application tag:
/// ProvisionGreen tags the groups it makes and the pair's groups, PromoteGreen an in-group one.
/// </summary>
public sealed class UnusedLaunchTemplates(IAutoScaling autoScaling, IEc2 ec2)
{
    public async Task<IReadOnlyList<string>> DeleteAsync(Deployment deployment, StepLog log, CancellationToken cancellationToken)
    {
        var earlier = (await ec2.DescribeLaunchTemplatesTaggedAsync(TagKeys.Application, deployment.Application, cancellationToken))
            .Where(t => t.Tags.GetValueOrDefault(TagKeys.Deployment) is { } owner && owner != deployment.DeploymentId)
            .ToList();
        if (earlier.Count == 0)
        {
            return [];
        }

        var groups = await autoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { [TagKeys.Application] = deployment.Application }, cancellationToken);
        var named = groups
            .Where(g => g.Status?.StartsWith("Delete", StringComparison.OrdinalIgnoreCase) != true)
            .Select(GroupLaunchTemplate.Of)
            .SelectMany(r => new[] { r?.Id, r?.Name })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var deleted = new List<string>();
        foreach (var template in earlier.Where(t => !named.Contains(t.Id) && !named.Contains(t.Name)))
        {
            await ec2.DeleteLaunchTemplateAsync(template.Id, cancellationToken);
            log.Info("Deleted launch template {LaunchTemplate} ({LaunchTemplateId}) of deployment {Owner}: no group launches from it", template.Name, template.Id, template.Tags[TagKeys.Deployment]);
            deleted.Add(template.Name);
        }

        return deleted;
    }
}
