using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BlueGreen.Local.Moto;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>
/// A moto seeded once with a launch template, the ASG "green-asg" of two instances, and the
/// CodeDeploy application "shop" whose group "shop-green" deploys to that ASG; "blue-asg" (one
/// instance) beside it, and the group "shop-tagged" that selects instances tagged color green.
/// </summary>
public sealed class MotoCodeDeployFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string AutoScalingGroup = "green-asg";

    private MotoServer? _moto;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Endpoint => _moto?.Endpoint ?? throw new InvalidOperationException("moto is not started");

    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync(new MotoServerOptions());
        await QueryAsync("ec2", new()
        {
            ["Action"] = "CreateLaunchTemplate",
            ["Version"] = "2016-11-15",
            ["LaunchTemplateName"] = "green-lt",
            ["LaunchTemplateData.ImageId"] = "ami-12c6146b",
            ["LaunchTemplateData.InstanceType"] = "t3.micro",
        });
        await QueryAsync("autoscaling", new()
        {
            ["Action"] = "CreateAutoScalingGroup",
            ["Version"] = "2011-01-01",
            ["AutoScalingGroupName"] = AutoScalingGroup,
            ["LaunchTemplate.LaunchTemplateName"] = "green-lt",
            ["MinSize"] = "2",
            ["MaxSize"] = "2",
            ["DesiredCapacity"] = "2",
            ["AvailabilityZones.member.1"] = "us-east-1a",
            ["Tags.member.1.Key"] = "bluegreen:color",
            ["Tags.member.1.Value"] = "green",
            ["Tags.member.1.PropagateAtLaunch"] = "true",
        });
        await QueryAsync("autoscaling", new()
        {
            ["Action"] = "CreateAutoScalingGroup",
            ["Version"] = "2011-01-01",
            ["AutoScalingGroupName"] = "blue-asg",
            ["LaunchTemplate.LaunchTemplateName"] = "green-lt",
            ["MinSize"] = "1",
            ["MaxSize"] = "1",
            ["DesiredCapacity"] = "1",
            ["AvailabilityZones.member.1"] = "us-east-1a",
            ["Tags.member.1.Key"] = "bluegreen:color",
            ["Tags.member.1.Value"] = "blue",
            ["Tags.member.1.PropagateAtLaunch"] = "true",
        });
        await CodeDeployAsync("CreateApplication", new JsonObject { ["applicationName"] = "shop", ["computePlatform"] = "Server" });
        await CodeDeployAsync("CreateDeploymentGroup", new JsonObject
        {
            ["applicationName"] = "shop",
            ["deploymentGroupName"] = "shop-green",
            ["serviceRoleArn"] = "arn:aws:iam::123456789012:role/codedeploy",
            ["autoScalingGroups"] = new JsonArray(AutoScalingGroup),
        });
        await CodeDeployAsync("CreateDeploymentGroup", new JsonObject
        {
            ["applicationName"] = "shop",
            ["deploymentGroupName"] = "shop-tagged",
            ["serviceRoleArn"] = "arn:aws:iam::123456789012:role/codedeploy",
            ["ec2TagFilters"] = new JsonArray(new JsonObject { ["Key"] = "bluegreen:color", ["Value"] = "green", ["Type"] = "KEY_AND_VALUE" }),
        });
    }

    /// <summary>Instance ids of the ASG as moto reports them, read independently of the emulator's client.</summary>
    public async Task<string> DescribeAutoScalingGroupXmlAsync() => await QueryAsync("autoscaling", new()
    {
        ["Action"] = "DescribeAutoScalingGroups",
        ["Version"] = "2011-01-01",
        ["AutoScalingGroupNames.member.1"] = AutoScalingGroup,
    });

    private async Task<string> QueryAsync(string service, Dictionary<string, string> form) =>
        await SendAsync(service, new FormUrlEncodedContent(form), target: null);

    private async Task CodeDeployAsync(string operation, JsonObject body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        await SendAsync("codedeploy", content, $"CodeDeploy_20141006.{operation}");
    }

    private async Task<string> SendAsync(string service, HttpContent content, string? target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, "/")) { Content = content };
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"AWS4-HMAC-SHA256 Credential=test/20260101/{Region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"seeding {service} failed ({(int)response.StatusCode}): {text}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}
