using System.Text.Json.Nodes;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using AwsRevision = BlueGreen.Aws.CodeDeploy.DeploymentRevision;

namespace BlueGreen.Functions.CodeDeployment;

/// <summary>
/// DeployRevision: one CodeDeploy deployment of the revision to the green fleet. A retry finds the
/// deployment it already made (its description names the deployment id) instead of making another.
/// </summary>
public sealed class RevisionDeployer(ICodeDeploy codeDeploy, TimeProvider time)
{
    /// <summary>Green instances are fresh from the new AMI: files the image already holds are replaced by the revision's.</summary>
    public const string FileExistsBehavior = "OVERWRITE";

    public async Task<CodeDeployRun> DeployAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var settings = deployment.Settings.CodeDeploy
            ?? throw new InvalidOperationException($"DeployRevision runs only when the settings of {deployment.Application} have a codeDeploy section.");
        var revision = settings.Revision
            ?? throw new InvalidOperationException("NormalizeRequest guarantees a CodeDeploy revision; none reached DeployRevision.");
        var green = state.Green ?? throw new InvalidOperationException("DeployRevision needs $.green from ProvisionGreen.");
        log.With("codeDeployApplication", settings.Application).With("deploymentGroup", settings.DeploymentGroup);

        if (await FindOursAsync(deployment, settings, log, cancellationToken) is { } existing)
        {
            return existing;
        }

        var group = await codeDeploy.GetDeploymentGroupAsync(settings.Application, settings.DeploymentGroup, cancellationToken);
        if (DeploymentGroupScope.Problem(group, deployment.Settings.ColorTag, green.GroupName) is { } problem)
        {
            throw new CodeDeployFailed(problem, new JsonObject
            {
                ["application"] = settings.Application,
                ["deploymentGroup"] = settings.DeploymentGroup,
                ["greenGroup"] = green.GroupName,
            });
        }

        var request = new NewDeployment(settings.Application, settings.DeploymentGroup, ToAws(revision))
        {
            Description = DeploymentDescription.For(deployment.DeploymentId, deployment.Application, deployment.ImageId, green.GroupName),
            FileExistsBehavior = FileExistsBehavior,
        };
        string id;
        try
        {
            id = await codeDeploy.CreateDeploymentAsync(request, cancellationToken);
        }
        catch (AwsServiceException error) when (error.Code == "DeploymentLimitExceededException")
        {
            // The active deployment may be ours: the client retried a create whose answer was lost.
            if (await FindOursAsync(deployment, settings, log, cancellationToken) is { } ours)
            {
                return ours;
            }

            throw new CodeDeployFailed(
                $"CodeDeploy deployment group {settings.DeploymentGroup} is busy with another deployment: {error.ErrorMessage}",
                new JsonObject { ["application"] = settings.Application, ["deploymentGroup"] = settings.DeploymentGroup },
                error);
        }

        log.Info("Started CodeDeploy deployment {CodeDeployId} of {Revision} to green group {GreenGroup}", id, Describe(revision), green.GroupName);
        return new CodeDeployRun(id, settings.Application, settings.DeploymentGroup, time.GetUtcNow());
    }

    private async Task<CodeDeployRun?> FindOursAsync(Deployment deployment, CodeDeploySettings settings, StepLog log, CancellationToken cancellationToken)
    {
        var existing = await new DeploymentFinder(codeDeploy).FindAsync(
            settings.Application, settings.DeploymentGroup, deployment.DeploymentId, deployment.StartedAt, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        log.Info("Found CodeDeploy deployment {CodeDeployId} already made for this deployment ({Status})", existing.Id, existing.Status);
        return new CodeDeployRun(existing.Id, settings.Application, settings.DeploymentGroup, existing.CreatedAt ?? time.GetUtcNow());
    }

    private static AwsRevision ToAws(CodeDeployRevision revision) => revision switch
    {
        { S3: { } s3 } => new AwsRevision(S3: new Aws.CodeDeploy.S3Revision(s3.Bucket, s3.Key, BundleName(s3.BundleType), s3.Version, s3.ETag)),
        { GitHub: { } gitHub } => new AwsRevision(GitHub: new Aws.CodeDeploy.GitHubRevision(gitHub.Repository, gitHub.CommitId)),
        _ => throw new InvalidOperationException("A CodeDeploy revision has an S3 or a GitHub location."),
    };

    private static string BundleName(BundleType type) => type switch
    {
        BundleType.Zip => "zip",
        BundleType.Tar => "tar",
        BundleType.Tgz => "tgz",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown bundle type"),
    };

    private static string Describe(CodeDeployRevision revision) =>
        revision.S3 is { } s3 ? $"s3://{s3.Bucket}/{s3.Key}" : $"github:{revision.GitHub?.Repository}@{revision.GitHub?.CommitId}";
}
