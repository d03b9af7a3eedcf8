using BlueGreen.Aws;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Traffic;

/// <summary>The weighted pair of a deployment's strategy: a listener's forward for <c>weighted</c>,
/// Route 53 records for <c>dns</c>, none for the strategies that move groups instead.</summary>
public static class SplitPaths
{
    public static ISplitPath? For(Deployment deployment, AwsClients aws)
    {
        var settings = deployment.Settings;
        var name = ApplicationSettings.ParameterName(deployment.Application);
        return deployment.Strategy switch
        {
            DeploymentStrategy.Weighted when settings.Weighted is { } weighted => new WeightedForwardPath(aws.LoadBalancing, weighted, name),
            DeploymentStrategy.Dns when settings.Dns is { } dns => new DnsRecordPath(aws.Route53, dns, name),
            _ => null,
        };
    }
}
