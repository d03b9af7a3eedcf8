using System.Text;
using System.Xml.Linq;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Local.Faults;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>
/// Rewrites what moto says about instance health: instances launched from an AMI marked unhealthy
/// report unhealthy everywhere (target health, Auto Scaling, EC2 instance status); and targets
/// whose instance is terminated leave DescribeTargetHealth, as after a real deregistration drain
/// (moto keeps reporting them healthy when Auto Scaling terminates them).
/// </summary>
internal sealed class InstanceHealthRewriter(FaultRegistry faults, Func<string, IEc2> motoForRegion)
{
    private static readonly HashSet<string> GoneStates = new(StringComparer.Ordinal) { "shutting-down", "terminated" };

    public static bool Handles(AwsCall call) => (call.Service, call.Operation) switch
    {
        ("elasticloadbalancing", "DescribeTargetHealth") => true,
        ("autoscaling", "DescribeAutoScalingGroups") => true,
        ("autoscaling", "DescribeAutoScalingInstances") => true,
        ("ec2", "DescribeInstanceStatus") => true,
        _ => false,
    };

    public async Task RewriteAsync(AwsCall call, byte[] requestBody, BufferedResponse response, CancellationToken cancellationToken)
    {
        if (response.Status != 200 || !Handles(call))
        {
            return;
        }

        var unhealthyImages = faults.UnhealthyImages;
        var isTargetHealth = call.Operation == "DescribeTargetHealth";
        if (unhealthyImages.Count == 0 && !isTargetHealth)
        {
            return;
        }

        var document = XDocument.Parse(response.BodyText);
        XNamespace ns = document.Root!.Name.Namespace;
        var changed = call.Operation switch
        {
            "DescribeTargetHealth" => await RewriteTargetHealthAsync(document, ns, call.Region, unhealthyImages, ExplicitTargets(requestBody), cancellationToken),
            "DescribeAutoScalingGroups" => await MarkAsync(document.Descendants(ns + "Instances").Elements(ns + "member"), ns, "InstanceId", "HealthStatus", "Unhealthy", call.Region, unhealthyImages, cancellationToken),
            "DescribeAutoScalingInstances" => await MarkAsync(document.Descendants(ns + "AutoScalingInstances").Elements(ns + "member"), ns, "InstanceId", "HealthStatus", "UNHEALTHY", call.Region, unhealthyImages, cancellationToken),
            _ => await MarkInstanceStatusAsync(document, ns, call.Region, unhealthyImages, cancellationToken),
        };

        if (changed)
        {
            response.Body = Encoding.UTF8.GetBytes(document.Declaration + document.ToString(SaveOptions.DisableFormatting));
            response.Headers.RemoveAll(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        }
    }

    private async Task<bool> RewriteTargetHealthAsync(XDocument document, XNamespace ns, string region, IReadOnlyCollection<string> unhealthyImages, bool explicitTargets, CancellationToken cancellationToken)
    {
        var members = document.Descendants(ns + "TargetHealthDescriptions").Elements(ns + "member").ToList();
        var instances = await DescribeAsync(members.Select(m => m.Element(ns + "Target")?.Element(ns + "Id")?.Value), region, cancellationToken);
        var changed = false;
        foreach (var member in members)
        {
            var id = member.Element(ns + "Target")?.Element(ns + "Id")?.Value ?? string.Empty;
            if (!instances.TryGetValue(id, out var instance))
            {
                continue;
            }

            var health = member.Element(ns + "TargetHealth");
            if (health is null)
            {
                continue;
            }

            if (GoneStates.Contains(instance.State) && health.Element(ns + "State")?.Value == "healthy")
            {
                if (explicitTargets)
                {
                    SetHealth(health, ns, "unused", "Target.NotRegistered", "Target is not registered to the target group");
                }
                else
                {
                    member.Remove();
                }

                changed = true;
            }
            else if (unhealthyImages.Contains(instance.ImageId))
            {
                SetHealth(health, ns, "unhealthy", "Target.FailedHealthChecks", "Health checks failed");
                changed = true;
            }
        }

        return changed;
    }

    private async Task<bool> MarkAsync(IEnumerable<XElement> members, XNamespace ns, string idElement, string statusElement, string unhealthy, string region, IReadOnlyCollection<string> unhealthyImages, CancellationToken cancellationToken)
    {
        var list = members.ToList();
        var instances = await DescribeAsync(list.Select(m => m.Element(ns + idElement)?.Value), region, cancellationToken);
        var changed = false;
        foreach (var member in list)
        {
            var id = member.Element(ns + idElement)?.Value ?? string.Empty;
            if (instances.TryGetValue(id, out var instance) && unhealthyImages.Contains(instance.ImageId) && member.Element(ns + statusElement) is { } status)
            {
                status.Value = unhealthy;
                changed = true;
            }
        }

        return changed;
    }

    private async Task<bool> MarkInstanceStatusAsync(XDocument document, XNamespace ns, string region, IReadOnlyCollection<string> unhealthyImages, CancellationToken cancellationToken)
    {
        var items = document.Descendants(ns + "instanceStatusSet").Elements(ns + "item").ToList();
        var instances = await DescribeAsync(items.Select(i => i.Element(ns + "instanceId")?.Value), region, cancellationToken);
        var changed = false;
        foreach (var item in items)
        {
            var id = item.Element(ns + "instanceId")?.Value ?? string.Empty;
            if (instances.TryGetValue(id, out var instance) && unhealthyImages.Contains(instance.ImageId)
                && item.Element(ns + "instanceStatus")?.Element(ns + "status") is { } status)
            {
                status.Value = "impaired";
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Image id and state name of each given instance that exists.</summary>
    private async Task<IReadOnlyDictionary<string, (string ImageId, string State)>> DescribeAsync(IEnumerable<string?> ids, string region, CancellationToken cancellationToken)
    {
        var ec2 = motoForRegion(region);
        string[] instanceIds = [.. ids.OfType<string>().Where(id => id.StartsWith("i-", StringComparison.Ordinal)).Distinct()];
        IReadOnlyList<Ec2Instance> instances;
        try
        {
            instances = await ec2.DescribeInstancesAsync(instanceIds, cancellationToken);
        }
        catch (AwsNotFoundException)
        {
            // One id no longer exists: the others, one by one.
            var found = new List<Ec2Instance>();
            foreach (var id in instanceIds)
            {
                try
                {
                    found.AddRange(await ec2.DescribeInstancesAsync([id], cancellationToken));
                }
                catch (AwsNotFoundException)
                {
                }
            }

            instances = found;
        }

        return instances.ToDictionary(i => i.InstanceId, i => (i.ImageId ?? string.Empty, i.State));
    }

    private static void SetHealth(XElement health, XNamespace ns, string state, string reason, string description)
    {
        health.RemoveNodes();
        health.Add(new XElement(ns + "State", state), new XElement(ns + "Reason", reason), new XElement(ns + "Description", description));
    }

    private static bool ExplicitTargets(byte[] requestBody) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(requestBody)).Keys.Any(k => k.StartsWith("Targets.", StringComparison.Ordinal));
}
