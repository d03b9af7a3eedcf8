using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>Writes a deployment as the service model's DeploymentInfo, as it stands at a moment.</summary>
internal static class DeploymentJson
{
    /// <summary>CreateDeployment members that are only echoed back.</summary>
    private static readonly string[] Echoed =
    [
        "description", "ignoreApplicationStopFailures", "updateOutdatedInstancesOnly", "targetInstances",
        "autoRollbackConfiguration", "fileExistsBehavior", "overrideAlarmConfiguration",
    ];

    public static JsonObject Info(EmulatedDeployment deployment, DateTimeOffset now)
    {
        var status = deployment.StatusAt(now);
        var info = new JsonObject
        {
            ["applicationName"] = deployment.ApplicationName,
            ["deploymentGroupName"] = deployment.DeploymentGroupName,
            ["deploymentConfigName"] = deployment.DeploymentConfigName,
            ["deploymentId"] = deployment.Id,
            ["revision"] = Node(deployment.Revision),
            ["status"] = status,
            ["createTime"] = Epoch(deployment.CreateTime),
            ["deploymentOverview"] = Overview(deployment.InstanceIds.Count, DeploymentStatus.OfInstances(status)),
            ["creator"] = deployment.Creator,
            ["deploymentStyle"] = new JsonObject
            {
                ["deploymentType"] = "IN_PLACE",
                ["deploymentOption"] = "WITHOUT_TRAFFIC_CONTROL",
            },
            ["instanceTerminationWaitTimeStarted"] = false,
            ["computePlatform"] = "Server",
        };
        foreach (var name in Echoed)
        {
            if (deployment.Request.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                info[name] = Node(value);
            }
        }

        if (deployment.PreviousRevision is { } previous)
        {
            info["previousRevision"] = Node(previous);
        }

        if (deployment.StartedAt(now) is { } started)
        {
            info["startTime"] = Epoch(started);
        }

        if (deployment.CompletedAt(now) is { } completed)
        {
            info["completeTime"] = Epoch(completed);
        }

        if (deployment.ErrorAt(now) is { } error)
        {
            info["errorInformation"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        }

        if (deployment.Rollback is { } rollback)
        {
            info["rollbackInfo"] = Rollback(rollback);
        }

        return info;
    }

    /// <summary>JSON protocol timestamps: epoch seconds, with milliseconds as the fraction.</summary>
    public static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private static JsonObject Overview(int instances, string instanceStatus)
    {
        var overview = new JsonObject();
        foreach (var key in new[] { "Pending", "InProgress", "Succeeded", "Failed", "Skipped", "Ready" })
        {
            overview[key] = key == instanceStatus ? instances : 0;
        }

        return overview;
    }

    private static JsonObject Rollback(RollbackInfo rollback)
    {
        var node = new JsonObject();
        if (rollback.RollbackDeploymentId is { } id)
        {
            node["rollbackDeploymentId"] = id;
        }

        if (rollback.RollbackTriggeringDeploymentId is { } triggering)
        {
            node["rollbackTriggeringDeploymentId"] = triggering;
        }

        if (rollback.RollbackMessage is { } message)
        {
            node["rollbackMessage"] = message;
        }

        return node;
    }

    private static JsonNode? Node(JsonElement element) => JsonNode.Parse(element.GetRawText());
}
