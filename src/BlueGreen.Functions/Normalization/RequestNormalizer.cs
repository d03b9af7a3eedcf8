using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Parameters;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Normalization;

/// <summary>
/// Turns any of the three input shapes into one validated <see cref="Deployment"/>: parses the
/// input, finds the AMI and its application, loads and checks the settings, then checks the AMI
/// against them. Reads only: a refused request leaves nothing behind.
/// </summary>
public sealed class RequestNormalizer(IEc2 ec2, IParameterStore parameters)
{
    public async Task<Deployment> NormalizeAsync(NormalizeRequestInput input, DateTimeOffset now, StepLog log, CancellationToken cancellationToken)
    {
        var trigger = TriggerParser.Parse(input.Input);
        var image = await FindImageAsync(trigger.ImageId, cancellationToken);
        var request = trigger.ToRequest(image.Tags.GetValueOrDefault(TagKeys.Application));
        var names = DeploymentNames.ForExecution(request.Application, input.ExecutionName);
        log.With("deploymentId", names.DeploymentId).With("application", request.Application);

        var settings = EffectiveSettings.Merge(await LoadSettingsAsync(names.SettingsParameter, request.Application, cancellationToken), request);
        await CheckImageAllowedAsync(image, settings.AllowedImageOwners, names.SettingsParameter, cancellationToken);

        log.Info("Accepted {Trigger} to deploy {ImageId} to {Application} with strategy {Strategy}", trigger.Kind, image.ImageId, request.Application, settings.Strategy);
        return new Deployment(
            names.DeploymentId,
            input.ExecutionName,
            input.ExecutionArn ?? input.ExecutionName,
            request.Application,
            image.ImageId,
            trigger.Kind,
            request.Reason,
            request.DryRun,
            settings.Strategy,
            settings,
            new DeploymentResourceNames(names.GreenGroup, names.LaunchTemplate, names.SettingsParameter),
            input.StartedAt ?? now);
    }

    private async Task<MachineImage> FindImageAsync(string imageId, CancellationToken cancellationToken)
    {
        var found = await ec2.DescribeImagesAsync(new ImageQuery { ImageIds = [imageId] }, cancellationToken);
        return found.SingleOrDefault()
            ?? throw new ImageNotAllowed($"AMI {imageId} does not exist in this region or is not shared with this account. Check the id and the region the deployment runs in.");
    }

    private async Task<ApplicationSettings> LoadSettingsAsync(string parameterName, string application, CancellationToken cancellationToken)
    {
        var text = await parameters.GetParameterAsync(parameterName, cancellationToken)
            ?? throw new InvalidRequest(
                "$.application",
                $"there are no settings for application \"{application}\" (no SSM parameter {parameterName})",
                $"put the application's settings JSON (schemas/settings.schema.json) in the SSM parameter {parameterName}, or check the application name");
        return SettingsParser.Parse(text, parameterName);
    }

    private async Task CheckImageAllowedAsync(MachineImage image, IReadOnlyList<string> allowedOwners, string parameterName, CancellationToken cancellationToken)
    {
        if (image.State != "available")
        {
            throw new ImageNotAllowed($"AMI {image.ImageId} is {image.State}; only an available AMI can be deployed. Start the deployment again once it is available.");
        }

        if (image.OwnerId is not null && allowedOwners.Contains(image.OwnerId))
        {
            return;
        }

        // "self" and "amazon" are resolved by EC2 itself: ask for the image among the allowed owners' images.
        var owned = await ec2.DescribeImagesAsync(new ImageQuery { ImageIds = [image.ImageId], Owners = allowedOwners }, cancellationToken);
        if (owned.Count == 0)
        {
            throw new ImageNotAllowed(
                $"AMI {image.ImageId} is owned by account {image.OwnerId ?? "unknown"}, which allowedImageOwners [{string.Join(", ", allowedOwners)}] does not include. Add that owner to allowedImageOwners in {parameterName} if you trust it, or copy the AMI into an allowed account.");
        }
    }
}
