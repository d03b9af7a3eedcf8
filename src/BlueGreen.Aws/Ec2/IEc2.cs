using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Aws.Ec2;

/// <summary>The EC2 calls BlueGreen makes: images, launch templates, instances.</summary>
public interface IEc2
{
    Task<IReadOnlyList<MachineImage>> DescribeImagesAsync(ImageQuery query, CancellationToken cancellationToken = default);

    Task<LaunchTemplateInfo> CreateLaunchTemplateAsync(
        string name, LaunchTemplateData data, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>A new version copying <paramref name="sourceVersion"/> with <paramref name="changes"/> applied.</summary>
    Task<LaunchTemplateVersion> CreateLaunchTemplateVersionAsync(
        LaunchTemplateReference template, string sourceVersion, LaunchTemplateData changes, string? description = null, CancellationToken cancellationToken = default);

    /// <summary>Templates with these names; missing names are absent from the result.</summary>
    Task<IReadOnlyList<LaunchTemplateInfo>> DescribeLaunchTemplatesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    /// <param name="versions">Numbers, "$Latest" or "$Default"; empty for every version.</param>
    Task<IReadOnlyList<LaunchTemplateVersion>> DescribeLaunchTemplateVersionsAsync(
        LaunchTemplateReference template, IReadOnlyCollection<string> versions, CancellationToken cancellationToken = default);

    /// <summary>Ensures a launch template and all its versions are gone (rollback of one the
    /// deployment made): a template that no longer exists counts as done.</summary>
    Task DeleteLaunchTemplateAsync(string launchTemplateId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default);

    /// <summary>Adds or overwrites tags on EC2 resources (instances) by id; no ids, no call. An
    /// Auto Scaling group's tag reaches only the instances it launches later, so a colour change
    /// is written to the running instances here.</summary>
    Task CreateTagsAsync(IReadOnlyCollection<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);
}
