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
/// Green's launch template: one per deployment, named for it (<c>bluegreen-&lt;app&gt;-&lt;id&gt;</c>)
/// and shared with nobody — a whole copy of the version blue launches from (or of blue's launch
/// configuration) with only the AMI changed. Blue's own template is never written, so whatever blue
/// names (<c>$Latest</c>, <c>$Default</c>, a number) launches the old AMI before, during and after
/// a deployment that does not promote green (docs/decisions.md §19). It is looked up by name first
/// and created with a ClientToken derived from the deployment, so a retry after a lost answer finds
/// the one it made.
/// </summary>
public sealed class GreenLaunchTemplates(IEc2 ec2, IAutoScaling autoScaling)
{
    /// <summary>On the template of a group that had another before (the pair's idle group): the
    /// reference it replaced, so a rollback can put it back even when ProvisionGreen's result was lost.</summary>
    public const string ReplacesTag = "bluegreen:replaces";

    /// <summary>Green's template for a deployment whose blue is <paramref name="live"/>.</summary>
    public Task<LaunchTemplateSpec> EnsureAsync(Deployment deployment, LiveFleet live, StepLog log, CancellationToken cancellationToken)
    {
        if (live.LaunchTemplate is { } template)
        {
            return EnsureCopyAsync(deployment, template, replaces: null, log, cancellationToken);
        }

        if (live.LaunchConfigurationName is { } configuration)
        {
            return EnsureFromConfigurationAsync(deployment, configuration, log, cancellationToken);
        }

        throw new GreenLaunchFailed($"Blue group {live.GroupName} names neither a launch template nor a launch configuration, so there is nothing to copy for green.");
    }

    /// <summary>Green's template as a copy of <paramref name="source"/> with the new AMI.</summary>
    /// <param name="replaces">The reference the group that will launch from it names now, kept on the template.</param>
    public async Task<LaunchTemplateSpec> EnsureCopyAsync(
        Deployment deployment, LaunchTemplateSpec source, LaunchTemplateSpec? replaces, StepLog log, CancellationToken cancellationToken)
    {
        var name = deployment.Names.LaunchTemplate;
        if (await FindAsync(deployment, cancellationToken) is { } existing)
        {
            log.Info("Reusing launch template {LaunchTemplate}, made earlier for this deployment", name);
            return Spec(existing);
        }

        var tags = Tags(deployment);
        if (replaces is not null)
        {
            tags[ReplacesTag] = EncodeReference(replaces);
        }

        var created = await CreateAsync(
            deployment,
            () => ec2.CreateLaunchTemplateFromVersionAsync(
                name, new LaunchTemplateReference(source.Id), source.Version, deployment.ImageId, tags, ClientToken(deployment), cancellationToken),
            cancellationToken);
        log.Info("Created launch template {LaunchTemplate} from {LaunchTemplateId} version {SourceVersion} with {ImageId}", name, source.Id, source.Version, deployment.ImageId);
        return created;
    }

    /// <summary>This deployment's template, when it exists; refused when the name belongs to another.</summary>
    public async Task<LaunchTemplateInfo?> FindAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var name = deployment.Names.LaunchTemplate;
        var found = (await ec2.DescribeLaunchTemplatesAsync([name], cancellationToken)).SingleOrDefault();
        if (found?.Tags.GetValueOrDefault(TagKeys.Deployment) is { } owner && owner != deployment.DeploymentId)
        {
            throw new GreenLaunchFailed($"Launch template {name} already exists and belongs to deployment {owner}; it is left as it is.");
        }

        return found;
    }

    /// <summary>The reference recorded by <see cref="ReplacesTag"/>, if any.</summary>
    public static LaunchTemplateSpec? Replaced(LaunchTemplateInfo template) =>
        template.Tags.GetValueOrDefault(ReplacesTag) is { } value && value.Split(':') is [var id, var version]
            ? new LaunchTemplateSpec(id, version switch { "latest" => "$Latest", "default" => "$Default", _ => version })
            : null;

    private async Task<LaunchTemplateSpec> EnsureFromConfigurationAsync(Deployment deployment, string configurationName, StepLog log, CancellationToken cancellationToken)
    {
        var name = deployment.Names.LaunchTemplate;
        if (await FindAsync(deployment, cancellationToken) is { } existing)
        {
            log.Info("Reusing launch template {LaunchTemplate}, made earlier for this deployment", name);
            return Spec(existing);
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
        var created = await CreateAsync(
            deployment,
            () => ec2.CreateLaunchTemplateAsync(name, data, Tags(deployment), ClientToken(deployment), cancellationToken),
            cancellationToken);
        log.Info("Created launch template {LaunchTemplate} from launch configuration {LaunchConfiguration} with {ImageId}", name, configurationName, deployment.ImageId);
        return created;
    }

    private async Task<LaunchTemplateSpec> CreateAsync(Deployment deployment, Func<Task<LaunchTemplateInfo>> create, CancellationToken cancellationToken)
    {
        try
        {
            return Spec(await create());
        }
        catch (AwsAlreadyExistsException)
        {
            // An earlier attempt made it and its answer was lost (a ClientToken-less repeat): use that one.
            return Spec(await FindAsync(deployment, cancellationToken)
                ?? throw new GreenLaunchFailed($"Launch template {deployment.Names.LaunchTemplate} exists but could not be read back."));
        }
    }

    private static Dictionary<string, string> Tags(Deployment deployment) => new()
    {
        [TagKeys.Application] = deployment.Application,
        [TagKeys.Deployment] = deployment.DeploymentId,
    };

    /// <summary>Derived from the deployment, so every attempt sends the same (EC2 allows 64 characters).</summary>
    private static string ClientToken(Deployment deployment) => $"bluegreen-{deployment.DeploymentId}-launch-template";

    // Tag values stay within the characters every AWS service accepts: no "$".
    private static string EncodeReference(LaunchTemplateSpec reference) =>
        $"{reference.Id}:{reference.Version switch { "$Latest" => "latest", "$Default" => "default", var number => number }}";

    private static LaunchTemplateSpec Spec(LaunchTemplateInfo template) =>
        new(template.Id, template.LatestVersion.ToString(CultureInfo.InvariantCulture));
}
