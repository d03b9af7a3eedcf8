using System.Xml.Linq;
using BlueGreen.Local.CodeDeploy.Internal;

namespace BlueGreen.Local.CodeDeploy;

/// <summary>Running instances by tag from moto's EC2 (DescribeInstances, Query protocol).</summary>
public sealed class MotoTaggedInstances(HttpClient http, Uri motoEndpoint) : ITaggedInstances
{
    public async Task<IReadOnlyList<string>> ListRunningAsync(string region, Ec2TagFilter filter, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["Action"] = "DescribeInstances",
            ["Version"] = "2016-11-15",
            ["Filter.1.Name"] = "instance-state-name",
            ["Filter.1.Value.1"] = "running",
        };
        var (name, value) = filter.Type switch
        {
            Ec2TagFilter.KeyOnly => ("tag-key", filter.Key),
            Ec2TagFilter.ValueOnly => ("tag-value", filter.Value),
            _ => ($"tag:{filter.Key}", filter.Value),
        };
        if (value is null)
        {
            return [];
        }

        form["Filter.2.Name"] = name;
        form["Filter.2.Value.1"] = value;
        using var request = MotoRequests.Post(motoEndpoint, region, "ec2", new FormUrlEncodedContent(form));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"DescribeInstances answered {(int)response.StatusCode}: {text}");
        }

        return XDocument.Parse(text)
            .Descendants().Where(e => e.Name.LocalName == "instancesSet")
            .Elements()
            .Select(item => item.Elements().FirstOrDefault(e => e.Name.LocalName == "instanceId")?.Value)
            .OfType<string>()
            .ToList();
    }
}
