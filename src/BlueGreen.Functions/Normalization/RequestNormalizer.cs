using System.Text.Json;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Parameters;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Normalization;

/// <summary>
/// Turns any of the input shapes into what the execution does next: one validated
/// <see cref="Deployment"/>; for an image event, possibly a look again for the AMI's tag or an
/// ignored event (<see cref="ImageEventIntake"/>). Requests are strict: a bad one is refused by
/// name. Reads only: nothing it returns or refuses leaves anything behind.
/// </summary>
public sealed class RequestNormalizer(IEc2 ec2, IParameterStore parameters, ImageEventIntake intake, ImageBuildAmis imageBuilds)
{
    public async Task<NormalizedInput> NormalizeAsync(NormalizeRequestInput input, DateTimeOffset now, StepLog log, CancellationToken cancellationToken)
    {
        var awaited = ImageTagAwaitedInput.TryRead(input.Input);
        var trigger = TriggerParser.Parse(awaited?.Event ?? input.Input);
        if (trigger is RequestTrigger request)
        {
            var image = await FindImageAsync(request.ImageId, cancellationToken);
            return new NormalizedInput.ToDeploy(await AcceptAsync(input, request.ToRequest(image.Tags.GetValueOrDefault(TagKeys.Application)), image, trigger, now, log, cancellationToken));
        }

        var imageEvent = (ImageEventTrigger)trigger;
        if (!imageEvent.IsAvailable)
        {
            return Ignored(new IgnoredOutcome(
                $"{imageEvent.Subject} is {imageEvent.State}: only an available image is deployed, so this event deploys nothing.",
                trigger.Kind,
                (imageEvent as AmiStateChangeTrigger)?.ImageId), log);
        }

        var (imageId, ignored) = awaited is null ? await imageBuilds.ResolveAsync(imageEvent, cancellationToken) : (awaited.AwaitingImageTag.ImageId, null);
        if (imageId is null)
        {
            return Ignored(ignored!, log);
        }

        switch (await intake.JudgeAsync(imageEvent, imageId, awaited?.AwaitingImageTag, cancellationToken))
        {
            case ImageEventVerdict.Deploy deploy:
                return new NormalizedInput.ToDeploy(await AcceptAsync(input, deploy.Request, deploy.Image, trigger, now, log, cancellationToken));
            case ImageEventVerdict.AwaitTag wait:
                log.Info(
                    "AMI {ImageId} has no {TagKey} tag yet after {WaitedSeconds} s: looking again in {CheckAgainInSeconds} s (gives up after {GivesUpAfterSeconds} s)",
                    imageId, TagKeys.Application, wait.Awaiting.WaitedSeconds, wait.Awaiting.CheckAgainInSeconds, wait.Awaiting.GivesUpAfterSeconds);
                return new NormalizedInput.LookAgain(new ImageTagAwaited(wait.Awaiting, (awaited?.Event ?? input.Input).Clone()));
            case ImageEventVerdict.Ignore ignore:
                return Ignored(ignore.Outcome, log);
            default:
                throw new InvalidOperationException("unknown image event verdict");
        }
    }

    private static NormalizedInput.Ignored Ignored(IgnoredOutcome outcome, StepLog log)
    {
        log.Info("Ignored {Trigger} for {ImageId}: {Reason}", outcome.Trigger, outcome.ImageId ?? "no AMI", outcome.Reason);
        return new NormalizedInput.Ignored(outcome);
    }

    private async Task<Deployment> AcceptAsync(NormalizeRequestInput input, DeploymentRequest request, MachineImage image, DeploymentTrigger trigger, DateTimeOffset now, StepLog log, CancellationToken cancellationToken)
    {
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
