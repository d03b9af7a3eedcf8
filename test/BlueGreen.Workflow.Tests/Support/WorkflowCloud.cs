using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Local;
using BlueGreen.Local.Calls;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>
/// The local cloud with the real template, ASL and handlers, Wait and Retry sleeps × 0.01: what
/// `bluegreen local up` runs, shared by a collection of workflow tests.
/// </summary>
public sealed class WorkflowCloud : IAsyncLifetime
{
    public const string StateMachine = "BlueGreenDeployment";

    public LocalCloud Cloud { get; private set; } = null!;

    public AwsClients Aws { get; private set; } = null!;

    private IAmazonEC2 Ec2 { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, TimeScale = 0.01, RepositoryRoot = RepositoryRoot.Path });
        var credentials = new BasicAWSCredentials(LocalCredentials.AccessKeyId, LocalCredentials.SecretAccessKey);
        Aws = new AwsClients(new AwsSettings { Region = RegionEndpoint.USEast1, Credentials = credentials, Endpoint = Cloud.Endpoint });
        Ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { ServiceURL = Cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>Settings in SSM and an available AMI of this account tagged for the application.</summary>
    public async Task<(string Application, string ImageId)> SeedApplicationAsync()
    {
        var application = "app-" + Guid.NewGuid().ToString("N")[..8];
        await Aws.Parameters.PutParameterAsync($"/bluegreen/applications/{application}", $$"""
            { "liveGroup": "{{application}}-blue", "strategy": "swap",
              "targetGroupArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{{application}}/0123456789abcdef"] }
            """);
        var source = (await Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images[0].ImageId;
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = source, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0];
        var image = await Ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = instance.InstanceId,
            Name = application + "-image",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("bluegreen:application", application)] }],
        });
        return (application, image.ImageId);
    }

    public Task<ExecutionResult> RunAsync(string input) =>
        Cloud.RunExecutionAsync(StateMachine, input, TimeSpan.FromSeconds(60));

    /// <summary>Mutating calls to anything but Step Functions and Lambda (the engine itself).</summary>
    public static int ResourceWrites(CallCounts before, CallCounts after) =>
        Writes(after) - Writes(before);

    private static int Writes(CallCounts counts) => counts.Services
        .Where(s => s.Key is not ("states" or "lambda"))
        .SelectMany(s => s.Value)
        .Where(o => !CallCounter.IsReadOnly(o.Key))
        .Sum(o => o.Value);

    public async Task DisposeAsync()
    {
        Ec2.Dispose();
        Aws.Dispose();
        await Cloud.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkflowCloudCollection : ICollectionFixture<WorkflowCloud>
{
    public const string Name = "workflow cloud";
}
