using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Aws.Ec2;

/// <summary>The EC2 calls BlueGreen makes: images, launch templates, instances.</summary>
public interface IEc2
{
    Task<IReadOnlyList<MachineImage>> DescribeImagesAsync(ImageQuery query, CancellationToken cancellationToken = default);

    /// <param name="clientToken">Makes a repeated request (after a lost answer) return the template
    /// the first one made instead of making another; at most 64 ASCII characters.</param>
    Task<LaunchTemplateInfo> CreateLaunchTemplateAsync(
        string name, LaunchTemplateData data, IReadOnlyDictionary<string, string>? tags = null, string? clientToken = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A new template whose first version is a whole copy of <paramref name="source"/>'s
    /// <paramref name="sourceVersion"/> (every member EC2 describes, not only those of
    /// <see cref="LaunchTemplateData"/>) with the AMI replaced by <paramref name="imageId"/>.
    /// </summary>
    Task<LaunchTemplateInfo> CreateLaunchTemplateFromVersionAsync(
        string name, LaunchTemplateReference source, string sourceVersion, string imageId, IReadOnlyDictionary<string, string> tags, string clientToken, CancellationToken cancellationToken = default);

    /// <summary>Templates with these names; missing names are absent from the result.</summary>
    Task<IReadOnlyList<LaunchTemplateInfo>> DescribeLaunchTemplatesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    /// <summary>Templates carrying the tag <paramref name="key"/>=<paramref name="value"/>.</summary>
    Task<IReadOnlyList<LaunchTemplateInfo>> DescribeLaunchTemplatesTaggedAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <param name="versions">Numbers, "$Latest" or "$Default"; empty for every version.</param>
    Task<IReadOnlyList<LaunchTemplateVersion>> DescribeLaunchTemplateVersionsAsync(
        LaunchTemplateReference template, IReadOnlyCollection<string> versions, CancellationToken cancellationToken = default);

    /// <summary>Ensures a launch template and all its versions are gone: a template that no longer
    /// exists (deleted by an attempt whose answer was lost) counts as done.</summary>
    Task DeleteLaunchTemplateAsync(string launchTemplateId, CancellationToken cancellationToken = default);

    /// <summary>The default subnet of each availability zone (the local sample places its fleet in them).</summary>
    Task<IReadOnlyList<Subnet>> DescribeDefaultSubnetsAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers an EBS-backed x86_64 image (the local sample and tests make AMIs; a
    /// deployment only reads them), tagged with <paramref name="tags"/>.</summary>
    /// <returns>The image id.</returns>
    Task<string> RegisterImageAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default);

    /// <summary>Adds or overwrites tags on EC2 resources (instances) by id; no ids, no call. An
    /// Auto Scaling group's tag reaches only the instances it launches later, so a color change
    /// is written to the running instances here.</summary>
    Task CreateTagsAsync(IReadOnlyCollection<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);
}
