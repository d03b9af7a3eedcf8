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
            AutoScalingGroupNames(info))
        {
            Ec2TagSets = TagSets(info),
        };
    }

    /// <summary>ec2TagSet when present (moto echoes {} when unset), else the flat ec2TagFilters as one set.</summary>
    private static List<IReadOnlyList<Ec2TagFilter>> TagSets(JsonElement info)
    {
        if (info.TryGetProperty("ec2TagSet", out var tagSet) && tagSet.ValueKind == JsonValueKind.Object
            && tagSet.TryGetProperty("ec2TagSetList", out var sets) && sets.ValueKind == JsonValueKind.Array)
        {
            return sets.EnumerateArray().Select(Filters).Where(f => f.Count > 0).ToList();
        }

        return info.TryGetProperty("ec2TagFilters", out var flat) && Filters(flat) is { Count: > 0 } filters ? [filters] : [];
    }

    private static IReadOnlyList<Ec2TagFilter> Filters(JsonElement list) =>
        list.ValueKind != JsonValueKind.Array ? [] : list.EnumerateArray()
            .Where(f => f.ValueKind == JsonValueKind.Object)
            .Select(f =>
            {
                var key = f.TryGetProperty("Key", out var k) ? k.GetString() : null;
                var value = f.TryGetProperty("Value", out var v) ? v.GetString() : null;
                var type = f.TryGetProperty("Type", out var t) ? t.GetString() : null;
                return new Ec2TagFilter(key, value, type ?? (key is null ? Ec2TagFilter.ValueOnly : value is null ? Ec2TagFilter.KeyOnly : Ec2TagFilter.KeyAndValue));
            })
            .ToList();

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
