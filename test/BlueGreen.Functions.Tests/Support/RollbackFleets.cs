using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.AutoScaling;
using Ec2TagFilter = BlueGreen.Aws.CodeDeploy.Ec2TagFilter;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>A seeded sample mid-deployment: the state the rollback and CodeDeploy states receive.</summary>
public sealed record RollbackFleets(SampleApplication Sample, WorkflowState State)
{
    public string Application => Sample.Application;

    public string BlueGroup => Sample.BlueGroup;

    public string GreenGroup => State.Deployment.Names.GreenGroup;

    public string Holder => State.Deployment.ExecutionArn;
}

/// <summary>
/// Builds what the states before rollback would have made (their handlers are written elsewhere):
/// the deployment and blue from <see cref="WorkflowStates"/> (clocked by the cloud), the lock item, and a green
/// group launched from the sample's template with the NEW AMI, tagged as ProvisionGreen tags it.
/// </summary>
public static class RollbackSeeding
{
    public const string CodeDeployGroup = "web";

    /// <summary>Sample settings plus a CodeDeploy section whose group selects this application's green value.</summary>
    public static string CodeDeploySettings(string blue, string targetGroup) => $$"""
        {
          "liveGroup": "{{blue}}",
          "strategy": "swap",
          "targetGroupArns": ["{{targetGroup}}"],
          "colorTag": { "key": "bluegreen:color", "blue": "blue", "green": "{{GreenValue(blue)}}" },
          "codeDeploy": { "application": "{{CodeDeployApplication(blue)}}", "deploymentGroup": "{{CodeDeployGroup}}",
                          "revision": { "s3": { "bucket": "releases", "key": "web.zip", "bundleType": "zip" } } },
          "health": { "minHealthyPercent": 100, "timeoutSeconds": 120, "alarmNames": [], "bakeSeconds": 0 }
        }
        """;

    /// <summary>Green values unique per application, since every test shares one moto: a deployment
    /// group filtering on plain "green" would also reach other tests' green fleets.</summary>
    public static string GreenValue(string blueGroup) => "green-" + blueGroup[..^"-blue".Length];

    public static string CodeDeployApplication(string blueGroup) => blueGroup[..^"-blue".Length] + "-cd";

    /// <param name="withGreen">Launch green (ProvisionGreen ran).</param>
    /// <param name="withCodeDeploy">Settings with a CodeDeploy section and its application and group in moto.</param>
    public static async Task<RollbackFleets> ArrangeAsync(FunctionsCloud cloud, bool withGreen = true, bool withCodeDeploy = false, int capacity = 1)
    {
        var sample = await cloud.SeedSampleAsync(capacity, withCodeDeploy ? (blue, tg, _, _) => CodeDeploySettings(blue, tg) : null);
        var execution = "exec-" + Guid.NewGuid().ToString("N")[..10];
        var deployment = await WorkflowStates.NormalizeAsync(
            cloud,
            sample,
            execution,
            $"arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:{execution}",
            cloud.Services.Time.GetUtcNow().ToString("O"));
        if (withCodeDeploy)
        {
            await CreateCodeDeployGroupAsync(cloud, deployment.Settings.CodeDeploy!.Application, deployment.Settings.ColorTag.Key, deployment.Settings.ColorTag.Green);
        }

        await PutLockAsync(cloud, sample.Application, deployment.ExecutionArn);
        var state = new WorkflowState
        {
            Deployment = deployment,
            Lock = new LockHeld(sample.Application, deployment.ExecutionArn, cloud.Services.Time.GetUtcNow()),
            Live = await WorkflowStates.LiveFleetAsync(cloud, sample.BlueGroup),
        };
        if (withGreen)
        {
            state = state with { Green = await LaunchGreenAsync(cloud, sample, deployment, capacity) };
        }

        return new RollbackFleets(sample, state);
    }

    /// <summary>ShiftTraffic's swap stopped half way: green attached, blue detached.</summary>
    public static async Task<WorkflowState> HalfSwapAsync(FunctionsCloud cloud, RollbackFleets fleets)
    {
        await cloud.Aws.AutoScaling.AttachLoadBalancerTargetGroupsAsync(fleets.GreenGroup, [fleets.Sample.TargetGroupArn]);
        await cloud.Aws.AutoScaling.DetachLoadBalancerTargetGroupsAsync(fleets.BlueGroup, [fleets.Sample.TargetGroupArn]);
        return fleets.State with
        {
            Traffic = TrafficShift.InPhase("DetachBlue", cloud.Services.Time.GetUtcNow(), "blue detached", BlueTraffic.Out),
        };
    }

    public static Task PutLockAsync(FunctionsCloud cloud, string application, string holder) =>
        cloud.Aws.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = cloud.Services.Settings.RequireLockTable(),
            Item = new Dictionary<string, AttributeValue>
            {
                ["application"] = new() { S = application },
                ["holder"] = new() { S = holder },
            },
        });

    public static async Task<string?> LockHolderAsync(FunctionsCloud cloud, string application)
    {
        var item = await cloud.Aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = cloud.Services.Settings.RequireLockTable(),
            Key = new Dictionary<string, AttributeValue> { ["application"] = new() { S = application } },
            ConsistentRead = true,
        });
        return item.IsItemSet && item.Item.TryGetValue("holder", out var holder) ? holder.S : null;
    }

    private static async Task<GreenFleet> LaunchGreenAsync(FunctionsCloud cloud, SampleApplication sample, Deployment deployment, int capacity)
    {
        var spec = await GreenTemplate.CreateAsync(cloud, sample, deployment);
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(deployment.Names.GreenGroup, capacity, capacity * 2)
        {
            LaunchTemplate = new LaunchTemplateReference(spec.Id, Version: spec.Version),
            DesiredCapacity = capacity,
            SubnetIds = sample.SubnetIds,
            HealthCheckType = "ELB",
            Tags =
            [
                new GroupTag(TagKeys.Application, deployment.Application),
                new GroupTag(TagKeys.Deployment, deployment.DeploymentId),
                new GroupTag(deployment.Settings.ColorTag.Key, deployment.Settings.ColorTag.Green),
            ],
        });
        return new GreenFleet(deployment.Names.GreenGroup, spec);
    }

    private static async Task CreateCodeDeployGroupAsync(FunctionsCloud cloud, string application, string colorKey, string greenValue)
    {
        await cloud.Aws.CodeDeploy.CreateApplicationAsync(application);
        await cloud.Aws.CodeDeploy.CreateDeploymentGroupAsync(
            application, CodeDeployGroup, "arn:aws:iam::123456789012:role/codedeploy", [new Ec2TagFilter(colorKey, greenValue, "KEY_AND_VALUE")]);
    }
}
