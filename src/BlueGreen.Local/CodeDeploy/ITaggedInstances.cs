namespace BlueGreen.Local.CodeDeploy;

/// <summary>Running EC2 instances by tag, for groups that target tags (e.g. the green color tag).</summary>
public interface ITaggedInstances
{
    Task<IReadOnlyList<string>> ListRunningAsync(string region, Ec2TagFilter filter, CancellationToken cancellationToken);
}
