using System.Xml.Linq;
using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;

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
    private const string Elbv2 = "2015-12-01";
    private const string Ec2Version = "2016-11-15";

    /// <summary>Seeds everything through <paramref name="calls"/> (plain Query/JSON, for what our
    /// ports deliberately cannot create) and <paramref name="aws"/>.</summary>
    public static async Task<SampleApplication> SeedAsync(PlainAwsCalls calls, AwsClients aws, SampleOptions options, CancellationToken cancellationToken = default)
    {
        var app = options.Application;
        var subnets = await DefaultSubnetsAsync(calls, cancellationToken);
        var oldImage = await RegisterImageAsync(calls, $"{app}-base-v1", null, cancellationToken);
        var newImage = await RegisterImageAsync(calls, $"{app}-base-v2", app, cancellationToken);
        var template = await aws.Ec2.CreateLaunchTemplateAsync($"{app}-web", new LaunchTemplateData { ImageId = oldImage, InstanceType = "t3.micro" }, cancellationToken: cancellationToken);

        var targetGroup = await CreateTargetGroupAsync(calls, $"{app}-web", subnets.VpcId, cancellationToken);
        var spare = await CreateTargetGroupAsync(calls, $"{app}-web-spare", subnets.VpcId, cancellationToken);
        var loadBalancer = Value(await calls.QueryAsync("elasticloadbalancing", "CreateLoadBalancer", Elbv2, Form(
            ("Name", $"{app}-alb"), ("Subnets.member.1", subnets.Ids[0]), ("Subnets.member.2", subnets.Ids[1]),
            ("Type", "application"), ("Scheme", "internet-facing")), cancellationToken), "LoadBalancerArn");
        var listener = Value(await calls.QueryAsync("elasticloadbalancing", "CreateListener", Elbv2, Form(
            ("LoadBalancerArn", loadBalancer), ("Protocol", "HTTP"), ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", targetGroup)), cancellationToken), "ListenerArn");

        var blue = $"{app}-blue";
        await SampleBlueGroup.CreateAsync(calls, aws, options, blue, template.Id, oldImage, subnets.Ids, targetGroup, cancellationToken);

        var parameter = $"/bluegreen/applications/{app}";
        await aws.Parameters.PutParameterAsync(parameter, options.SettingsJson(blue, targetGroup, spare, listener), cancellationToken: cancellationToken);
        return new SampleApplication(app, subnets.VpcId, subnets.Ids, loadBalancer, listener, targetGroup, spare, blue, template.Id, oldImage, newImage, parameter);
    }

    /// <summary>A CodeDeploy application named after the sample and a deployment group that reaches
    /// only instances tagged with the green colour value, i.e. only a deployment's new fleet. Where
    /// several applications share an account, give each its own green value.</summary>
    public async Task AddCodeDeployAsync(PlainAwsCalls calls, string deploymentGroup, string greenValue = "green", CancellationToken cancellationToken = default)
    {
        await calls.JsonAsync("codedeploy", "CodeDeploy_20141006", "CreateApplication", new { applicationName = Application, computePlatform = "Server" }, cancellationToken);
        await calls.JsonAsync("codedeploy", "CodeDeploy_20141006", "CreateDeploymentGroup", new
        {
            applicationName = Application,
            deploymentGroupName = deploymentGroup,
            serviceRoleArn = $"arn:aws:iam::{LocalCloudOptions.AccountId}:role/codedeploy",
            ec2TagFilters = new[] { new { Key = "bluegreen:color", Value = greenValue, Type = "KEY_AND_VALUE" } },
        }, cancellationToken);
    }

    /// <summary>A CloudWatch alarm on the load balancer's 5xx count, in OK, that the settings can watch.</summary>
    public async Task AddAlarmAsync(PlainAwsCalls calls, string alarmName, CancellationToken cancellationToken = default)
    {
        await calls.QueryAsync("monitoring", "PutMetricAlarm", "2010-08-01", Form(
            ("AlarmName", alarmName), ("MetricName", "HTTPCode_Target_5XX_Count"), ("Namespace", "AWS/ApplicationELB"),
            ("Statistic", "Sum"), ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "5"),
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
            ("Dimensions.member.1.Name", "LoadBalancer"), ("Dimensions.member.1.Value", LoadBalancerArn[(LoadBalancerArn.IndexOf("loadbalancer/", StringComparison.Ordinal) + 13)..])), cancellationToken);
    }

    private static async Task<(string VpcId, IReadOnlyList<string> Ids)> DefaultSubnetsAsync(PlainAwsCalls calls, CancellationToken cancellationToken)
    {
        var subnets = await calls.QueryAsync("ec2", "DescribeSubnets", Ec2Version, Form(("Filter.1.Name", "default-for-az"), ("Filter.1.Value.1", "true")), cancellationToken);
        var items = subnets.Descendants().Where(e => e.Name.LocalName == "item" && e.Elements().Any(c => c.Name.LocalName == "subnetId")).ToList();
        var ids = items.Select(i => Child(i, "subnetId")).Order(StringComparer.Ordinal).Take(3).ToList();
        return (Child(items[0], "vpcId"), ids);
    }

    private static async Task<string> RegisterImageAsync(PlainAwsCalls calls, string name, string? application, CancellationToken cancellationToken)
    {
        var image = Value(await calls.QueryAsync("ec2", "RegisterImage", Ec2Version, Form(("Name", name), ("RootDeviceName", "/dev/xvda"), ("Architecture", "x86_64")), cancellationToken), "imageId");
        if (application is not null)
        {
            await calls.QueryAsync("ec2", "CreateTags", Ec2Version, Form(("ResourceId.1", image), ("Tag.1.Key", "bluegreen:application"), ("Tag.1.Value", application)), cancellationToken);
        }

        return image;
    }

    private static async Task<string> CreateTargetGroupAsync(PlainAwsCalls calls, string name, string vpcId, CancellationToken cancellationToken) =>
        Value(await calls.QueryAsync("elasticloadbalancing", "CreateTargetGroup", Elbv2, Form(
            ("Name", name), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", vpcId), ("TargetType", "instance"),
            ("HealthCheckPath", "/health"), ("HealthCheckIntervalSeconds", "10")), cancellationToken), "TargetGroupArn");

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => KeyValuePair.Create(p.Key, p.Value));

    private static string Value(XDocument document, string name) =>
        document.Descendants().First(e => e.Name.LocalName == name).Value;

    private static string Child(XElement element, string name) =>
        element.Elements().First(e => e.Name.LocalName == name).Value;
}
