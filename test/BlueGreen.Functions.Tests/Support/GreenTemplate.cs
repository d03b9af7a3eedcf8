using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>Green's launch template as ProvisionGreen makes it, for tests that set green up by hand:
/// the deployment's own template, a copy of blue's first version with the new AMI.</summary>
internal static class GreenTemplate
{
    public static async Task<LaunchTemplateSpec> CreateAsync(FunctionsCloud cloud, SampleApplication sample, Deployment deployment)
    {
        var template = await cloud.Aws.Ec2.CreateLaunchTemplateFromVersionAsync(
            deployment.Names.LaunchTemplate,
            new LaunchTemplateReference(sample.LaunchTemplateId),
            "1",
            sample.NewImageId,
            new Dictionary<string, string> { [TagKeys.Application] = deployment.Application, [TagKeys.Deployment] = deployment.DeploymentId },
            clientToken: $"test-{deployment.DeploymentId}");
        return new LaunchTemplateSpec(template.Id, "1");
    }
}
