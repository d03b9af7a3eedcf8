using System.Xml.Linq;
using BlueGreen.Local.CodeDeploy.Internal;

namespace BlueGreen.Local.CodeDeploy;

/// <summary>InService instances from moto's Auto Scaling (DescribeAutoScalingGroups, Query protocol).</summary>
public sealed class MotoAutoScalingGroupInstances(HttpClient http, Uri motoEndpoint) : IAutoScalingGroupInstances
{
    public async Task<IReadOnlyList<string>> ListInServiceAsync(string region, string autoScalingGroupName, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "DescribeAutoScalingGroups",
            ["Version"] = "2011-01-01",
            ["AutoScalingGroupNames.member.1"] = autoScalingGroupName,
        });
        using var request = MotoRequests.Post(motoEndpoint, region, "autoscaling", form);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"DescribeAutoScalingGroups answered {(int)response.StatusCode}: {text}");
        }

        // Matched by local name: the namespace is the API version's, which callers need not know.
        return XDocument.Parse(text)
            .Descendants().Where(e => e.Name.LocalName == "Instances")
            .Elements().Where(member => Child(member, "LifecycleState") == "InService")
            .Select(member => Child(member, "InstanceId"))
            .OfType<string>()
            .ToList();
    }

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
