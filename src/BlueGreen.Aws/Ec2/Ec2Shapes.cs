using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using SdkLaunchTemplateVersion = Amazon.EC2.Model.LaunchTemplateVersion;

namespace BlueGreen.Aws.Ec2;

/// <summary>The SDK's EC2 shapes to ours and back, so the SDK's types stay behind <see cref="Ec2Client"/>.</summary>
internal static class Ec2Shapes
{
    public static RequestLaunchTemplateData ToRequestData(LaunchTemplateData data) => new()
    {
        ImageId = data.ImageId,
        InstanceType = data.InstanceType is null ? null : InstanceType.FindValue(data.InstanceType),
        KeyName = data.KeyName,
        SecurityGroupIds = data.SecurityGroupIds.Count > 0 ? [.. data.SecurityGroupIds] : null,
        UserData = data.UserData,
        IamInstanceProfile = data.IamInstanceProfile switch
        {
            null => null,
            var arn when arn.StartsWith("arn:", StringComparison.Ordinal) => new LaunchTemplateIamInstanceProfileSpecificationRequest { Arn = arn },
            var name => new LaunchTemplateIamInstanceProfileSpecificationRequest { Name = name },
        },
        EbsOptimized = data.EbsOptimized,
        Monitoring = data.DetailedMonitoring is { } enabled ? new LaunchTemplatesMonitoringRequest { Enabled = enabled } : null,
    };

    public static LaunchTemplateData ToData(ResponseLaunchTemplateData? data) => new()
    {
        ImageId = data?.ImageId,
        InstanceType = data?.InstanceType?.Value,
        KeyName = data?.KeyName,
        SecurityGroupIds = data?.SecurityGroupIds ?? [],
        UserData = data?.UserData,
        IamInstanceProfile = data?.IamInstanceProfile?.Arn ?? data?.IamInstanceProfile?.Name,
        EbsOptimized = data?.EbsOptimized,
        DetailedMonitoring = data?.Monitoring?.Enabled,
    };

    public static LaunchTemplateInfo ToInfo(LaunchTemplate template) => new(
        template.LaunchTemplateId,
        template.LaunchTemplateName,
        template.DefaultVersionNumber ?? 0,
        template.LatestVersionNumber ?? 0,
        ToDictionary(template.Tags));

    public static LaunchTemplateVersion ToVersion(SdkLaunchTemplateVersion version) => new(
        version.LaunchTemplateId,
        version.LaunchTemplateName,
        version.VersionNumber ?? 0,
        version.DefaultVersion ?? false,
        version.VersionDescription,
        ToData(version.LaunchTemplateData));

    public static MachineImage ToImage(Image image) => new(
        image.ImageId,
        image.Name,
        image.OwnerId,
        image.State?.Value ?? "",
        image.Architecture?.Value,
        DateTimeOffset.TryParse(image.CreationDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null,
        ToDictionary(image.Tags));

    public static Ec2Instance ToInstance(Instance instance) => new(
        instance.InstanceId,
        instance.State?.Name?.Value ?? "",
        instance.ImageId,
        instance.InstanceType?.Value,
        instance.Placement?.AvailabilityZone,
        instance.PrivateIpAddress,
        instance.LaunchTime,
        ToDictionary(instance.Tags));

    public static List<Tag> ToTags(IReadOnlyDictionary<string, string> tags) =>
        tags.Select(t => new Tag(t.Key, t.Value)).ToList();

    public static IReadOnlyDictionary<string, string> ToDictionary(List<Tag>? tags) =>
        (tags ?? []).ToDictionary(t => t.Key, t => t.Value);
}
