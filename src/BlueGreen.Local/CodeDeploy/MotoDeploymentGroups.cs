using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Local.CodeDeploy.Internal;

namespace BlueGreen.Local.CodeDeploy;

/// <summary>Deployment groups from moto's CodeDeploy (GetDeploymentGroup, JSON 1.1).</summary>
public sealed class MotoDeploymentGroups(HttpClient http, Uri motoEndpoint) : IDeploymentGroups
{
    public async Task<DeploymentGroupInfo> GetAsync(string region, string applicationName, string deploymentGroupName, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["applicationName"] = applicationName, ["deploymentGroupName"] = deploymentGroupName };
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var request = MotoRequests.Post(motoEndpoint, region, "codedeploy", content);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "CodeDeploy_20141006.GetDeploymentGroup");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (!response.IsSuccessStatusCode)
        {
            // moto's errors already carry AWS's names (ApplicationDoesNotExistException, …): pass them on.
            var type = json.RootElement.TryGetProperty("__type", out var t) ? t.GetString() : null;
            var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            throw new CodeDeployError(type ?? "InternalFailure", message ?? text, (int)response.StatusCode);
        }

        var info = json.RootElement.GetProperty("deploymentGroupInfo");
        return new DeploymentGroupInfo(
            applicationName,
            deploymentGroupName,
            info.TryGetProperty("deploymentConfigName", out var config) && config.GetString() is { Length: > 0 } name
                ? name
                : "CodeDeployDefault.OneAtATime",
            AutoScalingGroupNames(info));
    }

    /// <summary>AWS answers [{"name", "hook"}]; moto 5.2.1 echoes the request's plain names.</summary>
    private static List<string> AutoScalingGroupNames(JsonElement info)
    {
        if (!info.TryGetProperty("autoScalingGroups", out var groups) || groups.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return groups.EnumerateArray()
            .Select(g => g.ValueKind == JsonValueKind.String ? g.GetString() : g.TryGetProperty("name", out var n) ? n.GetString() : null)
            .OfType<string>()
            .ToList();
    }
}
