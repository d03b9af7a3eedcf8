using System.Globalization;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Provisioning;

/// <summary>
/// The launch template version green launches from, made once per deployment: a new version of
/// blue's template with the new AMI, or — when blue uses a launch configuration — a new template
/// named for the deployment. Each path looks first, so a retried step reuses what it made.
/// </summary>
public sealed class GreenLaunchTemplates(IEc2 ec2, IAutoScaling autoScaling)
{
    /// <summary>The version description that marks a version as this deployment's.</summary>
    public static string VersionDescription(string deploymentId) => $"bluegreen {deploymentId}";

    public async Task<(LaunchTemplateSpec Spec, bool Created)> EnsureAsync(
        Deployment deployment, LiveFleet live, StepLog log, CancellationToken cancellationToken)
    {
        if (live.LaunchTemplate is { } template)
        {
            return (await EnsureVersionAsync(deployment, template, log, cancellationToken), false);
        }

        if (live.LaunchConfigurationName is { } configuration)
        {
            return (await EnsureTemplateAsync(deployment, configuration, log, cancellationToken), true);
        }

        throw new GreenLaunchFailed($"Blue group {live.GroupName} names neither a launch template nor a launch configuration, so there is nothing to copy for green.");
    }

    /// <summary>This deployment's version of <paramref name="source"/>'s template (the pair's idle group has its own).</summary>
    public Task<LaunchTemplateSpec> EnsureVersionOfAsync(Deployment deployment, LaunchTemplateSpec source, StepLog log, CancellationToken cancellationToken) =>
        EnsureVersionAsync(deployment, source, log, cancellationToken);

    private async Task<LaunchTemplateSpec> EnsureVersionAsync(Deployment deployment, LaunchTemplateSpec source, StepLog log, CancellationToken cancellationToken)
    {
        var reference = new LaunchTemplateReference(source.Id);
        var description = VersionDescription(deployment.DeploymentId);
        var versions = await ec2.DescribeLaunchTemplateVersionsAsync(reference, [], cancellationToken);
        var mine = versions.FirstOrDefault(v => v.Description == description && v.Data.ImageId == deployment.ImageId);
        if (mine is not null)
        {
            log.Info("Reusing version {Version} of launch template {LaunchTemplateId}, made earlier for this deployment", mine.VersionNumber, source.Id);
            return Spec(mine);
        }

        // EC2 copies SourceVersion's data on AWS, but moto ignores it: send the whole source data
        // so the new version is a true copy on both, with only the AMI changed.
        var from = (await ec2.DescribeLaunchTemplateVersionsAsync(reference, [source.Version], cancellationToken)).SingleOrDefault()
            ?? throw new GreenLaunchFailed($"Version {source.Version} of blue's launch template {source.Id} no longer exists.");
        var created = await ec2.CreateLaunchTemplateVersionAsync(
            reference,
            from.VersionNumber.ToString(CultureInfo.InvariantCulture),
            from.Data with { ImageId = deployment.ImageId },
            description,
            cancellationToken);
        log.Info("Created version {Version} of launch template {LaunchTemplateId} from version {SourceVersion} with {ImageId}", created.VersionNumber, source.Id, from.VersionNumber, deployment.ImageId);
        return Spec(created);
    }

    private async Task<LaunchTemplateSpec> EnsureTemplateAsync(Deployment deployment, string configurationName, StepLog log, CancellationToken cancellationToken)
    {
        var name = deployment.Names.LaunchTemplate;
        if (await FindTemplateAsync(name, deployment.DeploymentId, cancellationToken) is { } existing)
        {
            log.Info("Reusing launch template {LaunchTemplate}, made earlier for this deployment", name);
            return existing;
        }

        var configuration = (await autoScaling.DescribeLaunchConfigurationsAsync([configurationName], cancellationToken)).SingleOrDefault()
            ?? throw new GreenLaunchFailed($"Blue's launch configuration {configurationName} no longer exists, so green cannot copy it.");
        var data = new LaunchTemplateData
        {
            ImageId = deployment.ImageId,
            InstanceType = configuration.InstanceType,
            KeyName = configuration.KeyName,
            SecurityGroupIds = configuration.SecurityGroups,
            UserData = configuration.UserData,
            IamInstanceProfile = configuration.IamInstanceProfile,
            EbsOptimized = configuration.EbsOptimized,
            DetailedMonitoring = configuration.DetailedMonitoring,
        };
        var tags = new Dictionary<string, string>
        {
            [TagKeys.Application] = deployment.Application,
            [TagKeys.Deployment] = deployment.DeploymentId,
        };
        try
        {
            var created = await ec2.CreateLaunchTemplateAsync(name, data, tags, cancellationToken);
            log.Info("Created launch template {LaunchTemplate} from launch configuration {LaunchConfiguration} with {ImageId}", name, configurationName, deployment.ImageId);
            return new LaunchTemplateSpec(created.Id, created.LatestVersion.ToString(CultureInfo.InvariantCulture));
        }
        catch (AwsAlreadyExistsException)
        {
            // A concurrent attempt made it between our look and our create: use that one.
            return await FindTemplateAsync(name, deployment.DeploymentId, cancellationToken)
                ?? throw new GreenLaunchFailed($"Launch template {name} exists but could not be read back.");
        }
    }

    private async Task<LaunchTemplateSpec?> FindTemplateAsync(string name, string deploymentId, CancellationToken cancellationToken)
    {
        var found = (await ec2.DescribeLaunchTemplatesAsync([name], cancellationToken)).SingleOrDefault();
        if (found is null)
        {
            return null;
        }

        if (found.Tags.GetValueOrDefault(TagKeys.Deployment) is { } owner && owner != deploymentId)
        {
            throw new GreenLaunchFailed($"Launch template {name} already exists and belongs to deployment {owner}; it is left as it is.");
        }

        // A template made here has one version, the first.
        return new LaunchTemplateSpec(found.Id, found.DefaultVersion.ToString(CultureInfo.InvariantCulture));
    }

    private static LaunchTemplateSpec Spec(LaunchTemplateVersion version) =>
        new(version.TemplateId, version.VersionNumber.ToString(CultureInfo.InvariantCulture));
}
