namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>The instances a deployment reaches: the groups' InService instances plus those its tags select.</summary>
internal sealed class DeploymentTargets(IAutoScalingGroupInstances autoScaling, ITaggedInstances tagged)
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string region, DeploymentGroupInfo group, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var name in group.AutoScalingGroups)
        {
            ids.AddRange(await autoScaling.ListInServiceAsync(region, name, cancellationToken));
        }

        ids.AddRange(await TaggedAsync(region, group.Ec2TagSets, cancellationToken));
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Any filter within a set, every set across them.</summary>
    private async Task<IEnumerable<string>> TaggedAsync(string region, IReadOnlyList<IReadOnlyList<Ec2TagFilter>> sets, CancellationToken cancellationToken)
    {
        HashSet<string>? matching = null;
        var order = new List<string>();
        foreach (var set in sets.Where(s => s.Count > 0))
        {
            var inSet = new HashSet<string>(StringComparer.Ordinal);
            foreach (var filter in set)
            {
                foreach (var id in await tagged.ListRunningAsync(region, filter, cancellationToken))
                {
                    if (inSet.Add(id))
                    {
                        order.Add(id);
                    }
                }
            }

            matching = matching is null ? inSet : [.. matching.Intersect(inSet)];
        }

        return matching is null ? [] : order.Where(matching.Contains);
    }
}
