using BlueGreen.Aws;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.LoadBalancing;

namespace BlueGreen.Local.Sample;

/// <summary>
/// A small application as a team would have it before adopting BlueGreen: an ALB with one target
/// group, a blue Auto Scaling group on an old AMI serving behind it, a new AMI tagged for the
/// application, and the application's settings in SSM. The demo and the workflow tests start here.
/// </summary>
public sealed record SampleApplication(
    string Application,
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    string LoadBalancerArn,
    string ListenerArn,
    string TargetGroupArn,
    string SpareTargetGroupArn,
    string BlueGroup,
    string LaunchTemplateId,
    string OldImageId,
    string NewImageId,
    string SettingsParameter)
{
    /// <summary>Seeds everything through BlueGreen's own typed clients (the few calls a deployment
    /// never makes, such as CreateLoadBalancer, are there for this and for the tests).</summary>
    public static async Task<SampleApplication> SeedAsync(AwsClients aws, SampleOptions options, CancellationToken cancellationToken = default)
    {
        var app = options.Application;
        var subnets = await DefaultSubnetsAsync(aws, cancellationToken);
        var oldImage = await aws.Ec2.RegisterImageAsync($"{app}-base-v1", new Dictionary<string, string>(), cancellationToken);
        var newImage = await aws.Ec2.RegisterImageAsync($"{app}-base-v2", new Dictionary<string, string> { ["bluegreen:application"] = app }, cancellationToken);
        var template = await aws.Ec2.CreateLaunchTemplateAsync($"{app}-web", new LaunchTemplateData { ImageId = oldImage, InstanceType = "t3.micro" }, cancellationToken: cancellationToken);

        var targetGroup = (await aws.LoadBalancing.CreateTargetGroupAsync(TargetGroup($"{app}-web", subnets.VpcId), cancellationToken)).Arn;
        var spare = (await aws.LoadBalancing.CreateTargetGroupAsync(TargetGroup($"{app}-web-spare", subnets.VpcId), cancellationToken)).Arn;
        var loadBalancer = (await aws.LoadBalancing.CreateLoadBalancerAsync($"{app}-alb", [subnets.Ids[0], subnets.Ids[1]], cancellationToken)).Arn;
        var listener = await aws.LoadBalancing.CreateListenerAsync(loadBalancer, "HTTP", 80, targetGroup, cancellationToken);

        var blue = $"{app}-blue";
        await SampleBlueGroup.CreateAsync(aws, options, blue, template.Id, oldImage, subnets.Ids, targetGroup, cancellationToken);

        var parameter = $"/bluegreen/applications/{app}";
        await aws.Parameters.PutParameterAsync(parameter, options.SettingsJson(blue, targetGroup, spare, listener), cancellationToken: cancellationToken);
        return new SampleApplication(app, subnets.VpcId, subnets.Ids, loadBalancer, listener, targetGroup, spare, blue, template.Id, oldImage, newImage, parameter);
    }

    /// <summary>A CodeDeploy application named after the sample and a deployment group that reaches
    /// only instances tagged with the green color value, i.e. only a deployment's new fleet. Where
    /// several applications share an account, give each its own green value.</summary>
    public async Task AddCodeDeployAsync(ICodeDeploy codeDeploy, string deploymentGroup, string greenValue = "green", CancellationToken cancellationToken = default)
    {
        await codeDeploy.CreateApplicationAsync(Application, cancellationToken);
        await codeDeploy.CreateDeploymentGroupAsync(
            Application, deploymentGroup, $"arn:aws:iam::{LocalCloudOptions.AccountId}:role/codedeploy",
            [new Ec2TagFilter("bluegreen:color", greenValue, "KEY_AND_VALUE")], cancellationToken);
    }

    /// <summary>A CloudWatch alarm on the load balancer's 5xx count, in OK, that the settings can watch.</summary>
    public Task AddAlarmAsync(ICloudWatch cloudWatch, string alarmName, CancellationToken cancellationToken = default) =>
        cloudWatch.PutMetricAlarmAsync(
            new MetricAlarm(alarmName, "HTTPCode_Target_5XX_Count", "AWS/ApplicationELB", "Sum", 60, 1, 5, "GreaterThanOrEqualToThreshold")
            {
                Dimensions = new Dictionary<string, string> { ["LoadBalancer"] = LoadBalancerArn[(LoadBalancerArn.IndexOf("loadbalancer/", StringComparison.Ordinal) + 13)..] },
            },
            cancellationToken);

    /// <summary>The default VPC and up to three of its default subnets, in name order.</summary>
    private static async Task<(string VpcId, IReadOnlyList<string> Ids)> DefaultSubnetsAsync(AwsClients aws, CancellationToken cancellationToken)
    {
        var subnets = (await aws.Ec2.DescribeDefaultSubnetsAsync(cancellationToken)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return (subnets[0].VpcId, subnets.Select(s => s.Id).Take(3).ToList());
    }

    private static NewTargetGroup TargetGroup(string name, string vpcId) =>
        new(name, vpcId) { HealthCheckPath = "/health", HealthCheckIntervalSeconds = 10 };
}
