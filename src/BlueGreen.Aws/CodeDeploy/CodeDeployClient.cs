using System.Text.Json.Nodes;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.CodeDeploy;

/// <summary>CodeDeploy over AWS JSON 1.1 (target prefix CodeDeploy_20141006).</summary>
internal sealed class CodeDeployClient(JsonProtocol json) : ICodeDeploy
{
    public static readonly AwsService Service = new(
        "CodeDeploy",
        "CODEDEPLOY",
        "codedeploy",
        "codedeploy",
        new Dictionary<string, ErrorKind>
        {
            ["DeploymentDoesNotExistException"] = ErrorKind.NotFound,
            ["ApplicationDoesNotExistException"] = ErrorKind.NotFound,
            ["DeploymentGroupDoesNotExistException"] = ErrorKind.NotFound,
            ["DeploymentConfigDoesNotExistException"] = ErrorKind.NotFound,
            ["RevisionDoesNotExistException"] = ErrorKind.NotFound,
            ["InstanceDoesNotExistException"] = ErrorKind.NotFound,
            ["ApplicationAlreadyExistsException"] = ErrorKind.AlreadyExists,
            ["DeploymentGroupAlreadyExistsException"] = ErrorKind.AlreadyExists,
        },
        // CodeDeploy has some sixty Invalid*Exception codes, all bad input.
        Refine: error => error.Code.StartsWith("Invalid", StringComparison.Ordinal) && error.Code.EndsWith("Exception", StringComparison.Ordinal)
            ? ErrorKind.Validation
            : null);

    public const string TargetPrefix = "CodeDeploy_20141006";
    public const string JsonVersion = "1.1";

    public Task CreateApplicationAsync(string applicationName, CancellationToken cancellationToken = default) =>
        json.SendAsync("CreateApplication", new JsonObject { ["applicationName"] = applicationName, ["computePlatform"] = "Server" }, cancellationToken);

    public Task CreateDeploymentGroupAsync(
        string applicationName, string deploymentGroupName, string serviceRoleArn, IReadOnlyList<Ec2TagFilter> ec2TagFilters, CancellationToken cancellationToken = default) =>
        json.SendAsync(
            "CreateDeploymentGroup",
            new JsonObject
            {
                ["applicationName"] = applicationName,
                ["deploymentGroupName"] = deploymentGroupName,
                ["serviceRoleArn"] = serviceRoleArn,
                ["ec2TagFilters"] = new JsonArray(ec2TagFilters.Select(f => (JsonNode?)new JsonObject { ["Key"] = f.Key, ["Value"] = f.Value, ["Type"] = f.Type }).ToArray()),
            },
            cancellationToken);

    public async Task<DeploymentGroup> GetDeploymentGroupAsync(string applicationName, string deploymentGroupName, CancellationToken cancellationToken = default)
    {
        var result = await json.SendAsync(
            "GetDeploymentGroup",
            new JsonObject { ["applicationName"] = applicationName, ["deploymentGroupName"] = deploymentGroupName },
            cancellationToken);
        var group = result["deploymentGroupInfo"];
        return new DeploymentGroup(
            group.Required("applicationName"),
            group.Required("deploymentGroupName"),
            group.Text("deploymentGroupId"),
            group.Text("serviceRoleArn"),
            group.Text("deploymentConfigName"),
            // AWS answers [{"name", "hook"}]; moto 5.2.1 echoes the plain names it was given.
            group.Items("autoScalingGroups").Select(g => g is JsonValue name ? name.GetValue<string>() : g.Required("name")).ToList(),
            group.Items("ec2TagFilters").Select(f => new Ec2TagFilter(f.Text("Key"), f.Text("Value"), f.Text("Type") ?? "KEY_AND_VALUE")).ToList(),
            group?["loadBalancerInfo"].Items("targetGroupInfoList").Select(t => t.Required("name")).ToList() ?? []);
    }

    public async Task<string> CreateDeploymentAsync(NewDeployment deployment, CancellationToken cancellationToken = default)
    {
        var result = await json.SendAsync(
            "CreateDeployment",
            new JsonObject
            {
                ["applicationName"] = deployment.ApplicationName,
                ["deploymentGroupName"] = deployment.DeploymentGroupName,
                ["revision"] = ToWire(deployment.Revision),
                ["deploymentConfigName"] = deployment.DeploymentConfigName,
                ["description"] = deployment.Description,
                ["fileExistsBehavior"] = deployment.FileExistsBehavior,
            },
            cancellationToken);
        return result.Required("deploymentId");
    }

    public async Task<CodeDeployDeployment> GetDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        var result = await json.SendAsync("GetDeployment", new JsonObject { ["deploymentId"] = deploymentId }, cancellationToken);
        var d = result["deploymentInfo"];
        var overview = d?["deploymentOverview"];
        return new CodeDeployDeployment(
            d.Required("deploymentId"),
            d.Required("applicationName"),
            d.Required("deploymentGroupName"),
            Enum.Parse<DeploymentStatus>(d.Required("status")),
            d?["errorInformation"].Text("code"),
            d?["errorInformation"].Text("message"),
            d.Time("createTime"),
            d.Time("completeTime"),
            new DeploymentOverview(
                overview.Long("Pending") ?? 0,
                overview.Long("InProgress") ?? 0,
                overview.Long("Succeeded") ?? 0,
                overview.Long("Failed") ?? 0,
                overview.Long("Skipped") ?? 0,
                overview.Long("Ready") ?? 0))
        {
            Description = d.Text("description"),
        };
    }

    public Task StopDeploymentAsync(string deploymentId, bool autoRollback = false, CancellationToken cancellationToken = default) =>
        json.SendAsync(
            "StopDeployment",
            new JsonObject { ["deploymentId"] = deploymentId, ["autoRollbackEnabled"] = autoRollback },
            cancellationToken);

    public async Task<IReadOnlyList<string>> ListDeploymentsAsync(
        string applicationName, string deploymentGroupName, IReadOnlyCollection<DeploymentStatus>? statuses = null, DateTimeOffset? createdFrom = null, CancellationToken cancellationToken = default)
    {
        var deployments = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await json.SendAsync(
                "ListDeployments",
                new JsonObject
                {
                    ["applicationName"] = applicationName,
                    ["deploymentGroupName"] = deploymentGroupName,
                    ["includeOnlyStatuses"] = statuses is { Count: > 0 } ? new JsonArray([.. statuses.Select(s => (JsonNode)s.ToString())]) : null,
                    // JSON 1.1 timestamps are epoch seconds.
                    ["createTimeRange"] = createdFrom is { } from ? new JsonObject { ["start"] = from.ToUnixTimeMilliseconds() / 1000.0 } : null,
                    ["nextToken"] = nextToken,
                },
                cancellationToken);
            deployments.AddRange(page.Strings("deployments"));
            nextToken = page.Text("nextToken");
        }
        while (!string.IsNullOrEmpty(nextToken));

        return deployments;
    }

    public async Task<IReadOnlyList<string>> ListDeploymentInstancesAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        var instances = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await json.SendAsync(
                "ListDeploymentInstances",
                new JsonObject { ["deploymentId"] = deploymentId, ["nextToken"] = nextToken },
                cancellationToken);
            instances.AddRange(page.Strings("instancesList"));
            nextToken = page.Text("nextToken");
        }
        while (!string.IsNullOrEmpty(nextToken));

        return instances;
    }

    private static JsonObject ToWire(DeploymentRevision revision) => revision switch
    {
        { S3: { } s3 } => new JsonObject
        {
            ["revisionType"] = "S3",
            ["s3Location"] = new JsonObject
            {
                ["bucket"] = s3.Bucket,
                ["key"] = s3.Key,
                ["bundleType"] = s3.BundleType,
                ["version"] = s3.Version,
                ["eTag"] = s3.ETag,
            },
        },
        { GitHub: { } gitHub } => new JsonObject
        {
            ["revisionType"] = "GitHub",
            ["gitHubLocation"] = new JsonObject { ["repository"] = gitHub.Repository, ["commitId"] = gitHub.CommitId },
        },
        _ => throw new ArgumentException("A CodeDeploy revision needs an S3 or a GitHub location.", nameof(revision)),
    };
}
