using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Rules across fields that a schema cannot say well: each strategy's own section, distinct
/// colors and weighted records, and traffic shifting only where traffic can be split. Single-field
/// limits and shapes (counts, lengths, ranges, duplicates in a list) are the schema's alone.
/// </summary>
internal static class SettingsRules
{
    /// <param name="strategyOrigin">Appended to messages when the strategy came from the request.</param>
    public static void Check(ApplicationSettings settings, ProblemCollector problems, string strategyOrigin = "")
    {
        CheckStrategy(settings, problems, strategyOrigin);

        if (settings.ColorTag.Blue == settings.ColorTag.Green)
        {
            problems.Add("$.colorTag.green", $"equals the blue value \"{settings.ColorTag.Blue}\", so live and new fleets could not be told apart", "use two different values, e.g. blue and green");
        }
    }

    private static void CheckStrategy(ApplicationSettings settings, ProblemCollector problems, string strategyOrigin)
    {
        var strategy = $"the {EnumNames.Name(settings.Strategy)} strategy{strategyOrigin}";
        switch (settings.Strategy)
        {
            case DeploymentStrategy.Swap when settings.TargetGroupArns.Count == 0:
                problems.Add("$.targetGroupArns", $"{strategy} needs at least one target group", "list the ALB target groups blue serves today; green joins them");
                break;
            case DeploymentStrategy.Weighted:
                CheckWeighted(settings.Weighted, strategy, problems);
                break;
            case DeploymentStrategy.Dns:
                CheckDns(settings.Dns, strategy, problems);
                break;
        }

        if (settings.Strategy == DeploymentStrategy.InGroup && settings.CodeDeploy is not null)
        {
            problems.Add(
                "$.codeDeploy",
                $"cannot be used with {strategy}: its new instances join blue's group and carry the live color value, so a deployment group that selects green reaches none of them",
                "bake the release into the AMI, or deploy with the swap strategy (optionally with pair) to use CodeDeploy");
        }

        if (settings.Pair is { } pair)
        {
            CheckPair(settings, pair, strategy, problems);
        }

        if (settings.Traffic.Type != TrafficType.AllAtOnce && settings.Strategy is DeploymentStrategy.Swap or DeploymentStrategy.InGroup)
        {
            problems.Add(
                "$.traffic.type",
                $"{EnumNames.Name(settings.Traffic.Type)} traffic cannot be used with {strategy}, which moves all traffic at once",
                "use traffic {\"type\": \"AllAtOnce\"}, or the weighted or dns strategy to shift gradually");
        }
    }

    private static void CheckWeighted(WeightedSettings? weighted, string strategy, ProblemCollector problems)
    {
        if (weighted is null)
        {
            problems.Add("$.weighted", $"is required by {strategy}", "add {\"listenerArn\": \"arn:...:listener/app/...\", \"ruleArn\": null, \"targetGroupArns\": [\"arn:...a\", \"arn:...b\"]}");
        }
    }

    private static void CheckDns(DnsSettings? dns, string strategy, ProblemCollector problems)
    {
        if (dns is null)
        {
            problems.Add("$.dns", $"is required by {strategy}", "add {\"hostedZoneId\": \"Z...\", \"recordName\": \"app.example.com.\", \"colors\": [two {setIdentifier, loadBalancerArn, targetGroupArn}]}");
            return;
        }

        if (dns.Colors.Count != 2)
        {
            return; // The schema wants exactly two; settings built in code are not compared here.
        }

        if (dns.Colors[0].SetIdentifier == dns.Colors[1].SetIdentifier)
        {
            problems.Add("$.dns.colors[1].setIdentifier", "repeats colors[0].setIdentifier", "give each weighted record its own SetIdentifier");
        }

        if (dns.Colors[0].LoadBalancerArn == dns.Colors[1].LoadBalancerArn)
        {
            problems.Add("$.dns.colors[1].loadBalancerArn", "repeats colors[0].loadBalancerArn", "the dns strategy uses one load balancer per color");
        }

        if (dns.Colors[0].TargetGroupArn == dns.Colors[1].TargetGroupArn)
        {
            problems.Add("$.dns.colors[1].targetGroupArn", "repeats colors[0].targetGroupArn", "give each color its own target group");
        }
    }

    private static void CheckPair(ApplicationSettings settings, PairSettings pair, string strategy, ProblemCollector problems)
    {
        if (settings.Strategy == DeploymentStrategy.InGroup)
        {
            problems.Add("$.pair", $"cannot be used with {strategy}, which deploys inside one group", "remove pair, or choose swap (or weighted) to take turns between the two groups");
        }

        if (settings.LiveGroup is { } live && !pair.Groups.Contains(live, StringComparer.Ordinal))
        {
            problems.Add("$.liveGroup", $"\"{live}\" is not one of pair.groups ({string.Join(", ", pair.Groups)})", "set liveGroup to the pair's group that serves today, or leave it out");
        }
    }
}
