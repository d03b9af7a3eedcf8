using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Local.Sample;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>
/// The sample application as a team with Terraform-owned groups has it: beside the serving blue
/// group, an idle second group (its own launch template, min 0 / desired 0, in no target group),
/// and settings naming both as the pair. Neither carries a color tag: the serving one is live
/// because it is the only one with instances.
/// </summary>
internal sealed record PairSample(SampleApplication Sample, string IdleGroup, string IdleLaunchTemplateId)
{
    public static async Task<PairSample> SeedAsync(WorkflowCloud cloud, int healthTimeout)
    {
        var sample = await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "pair": { "groups": ["{{blue}}", "{{IdleName(blue)}}"] },
              "health": { "timeoutSeconds": {{healthTimeout}} },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
            """);
        var idle = IdleName(sample.BlueGroup);
        var template = await cloud.Aws.Ec2.CreateLaunchTemplateAsync($"{idle}-web", new LaunchTemplateData { ImageId = sample.OldImageId, InstanceType = "t3.micro" });
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(idle, 0, 4)
        {
            LaunchTemplate = new LaunchTemplateReference(template.Id, Version: "1"),
            DesiredCapacity = 0,
            SubnetIds = sample.SubnetIds,
            HealthCheckType = "ELB",
            HealthCheckGracePeriodSeconds = 60,
            Tags = [new GroupTag("Name", $"{sample.Application}-web"), new GroupTag("owner", "terraform")],
        });
        return new PairSample(sample, idle, template.Id);
    }

    private static string IdleName(string blue) => blue.Replace("-blue", "-pair", StringComparison.Ordinal);
}
