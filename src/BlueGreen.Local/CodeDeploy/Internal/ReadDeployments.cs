using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>The read operations: GetDeployment, BatchGetDeployments, ListDeploymentInstances, ListDeployments.</summary>
internal sealed class ReadDeployments(DeploymentStore store, IDeploymentGroups groups, TimeProvider time)
{
    private const int BatchLimit = 25;

    public JsonObject Get(RequestBody body, string region)
    {
        var id = body.RequiredString("deploymentId", CodeDeployErrors.DeploymentIdRequired);
        return store.Transact(table =>
        {
            var deployment = table.Find(region, id) ?? throw CodeDeployErrors.DeploymentDoesNotExist(id);
            return new JsonObject { ["deploymentInfo"] = DeploymentJson.Info(deployment, time.GetUtcNow()) };
        });
    }

    /// <summary>Unknown ids are left out of the answer, as in AWS.</summary>
    public JsonObject BatchGet(RequestBody body, string region)
    {
        var ids = body.StringList("deploymentIds") is { Count: > 0 } list ? list : throw CodeDeployErrors.DeploymentIdRequired();
        if (ids.Count > BatchLimit)
        {
            throw CodeDeployErrors.BatchLimitExceeded(BatchLimit);
        }

        return store.Transact(table =>
        {
            var now = time.GetUtcNow();
            var infos = ids.Select(id => table.Find(region, id)).OfType<EmulatedDeployment>().Select(d => (JsonNode)DeploymentJson.Info(d, now));
            return new JsonObject { ["deploymentsInfo"] = new JsonArray([.. infos]) };
        });
    }

    public JsonObject ListInstances(RequestBody body, string region)
    {
        var id = body.RequiredString("deploymentId", CodeDeployErrors.DeploymentIdRequired);
        var statuses = body.StringList("instanceStatusFilter") ?? [];
        if (statuses.FirstOrDefault(s => !DeploymentStatus.InstanceStatuses.Contains(s)) is { } invalid)
        {
            throw CodeDeployErrors.InvalidInstanceStatus(invalid);
        }

        return store.Transact(table =>
        {
            var deployment = table.Find(region, id) ?? throw CodeDeployErrors.DeploymentDoesNotExist(id);
            var instanceStatus = DeploymentStatus.OfInstances(deployment.StatusAt(time.GetUtcNow()));
            var listed = statuses.Count == 0 || statuses.Contains(instanceStatus) ? deployment.InstanceIds : [];
            return new JsonObject { ["instancesList"] = new JsonArray([.. listed.Select(i => (JsonNode)i)]) };
        });
    }

    public async Task<JsonObject> ListAsync(RequestBody body, string region, CancellationToken cancellationToken)
    {
        var applicationName = body.String("applicationName");
        var groupName = body.String("deploymentGroupName");
        var statuses = body.StringList("includeOnlyStatuses") ?? [];
        var externalId = body.String("externalId");
        var (from, to) = TimeRange(body.Object("createTimeRange"));
        if (statuses.FirstOrDefault(s => !DeploymentStatus.All.Contains(s)) is { } invalid)
        {
            throw CodeDeployErrors.InvalidDeploymentStatus(invalid);
        }

        // As in AWS: the application and the group come together or not at all.
        if (applicationName is not null && groupName is null)
        {
            throw CodeDeployErrors.DeploymentGroupNameRequired();
        }

        if (groupName is not null && applicationName is null)
        {
            throw CodeDeployErrors.ApplicationNameRequired();
        }

        if (applicationName is not null)
        {
            await groups.GetAsync(region, applicationName, groupName!, cancellationToken);
        }

        return store.Transact(table =>
        {
            var now = time.GetUtcNow();
            var ids = table.InRegion(region)
                .Where(d => applicationName is null || (d.ApplicationName == applicationName && d.DeploymentGroupName == groupName))
                .Where(d => statuses.Count == 0 || statuses.Contains(d.StatusAt(now)))
                .Where(d => d.CreateTime >= from && d.CreateTime <= to)
                .Where(d => externalId is null) // deployments made here have no external id
                .Select(d => (JsonNode)d.Id);
            return new JsonObject { ["deployments"] = new JsonArray([.. ids]) };
        });
    }

    private static (DateTimeOffset From, DateTimeOffset To) TimeRange(JsonElement? range)
    {
        if (range is not { } value)
        {
            return (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        return (Bound(value, "start") ?? DateTimeOffset.MinValue, Bound(value, "end") ?? DateTimeOffset.MaxValue);
    }

    private static DateTimeOffset? Bound(JsonElement range, string name)
    {
        if (!range.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetDouble() * 1000))
            : throw CodeDeployErrors.InvalidTimeRange();
    }
}
