using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Aws;
using BlueGreen.Local;
using BlueGreen.Local.Calls;
using BlueGreen.Local.Sample;

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
        // Tests start their deployments themselves: a tagged AMI must not start one of its own.
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, TimeScale = 0.01, RepositoryRoot = RepositoryRoot.Path, AmiStateEvents = false });
        Aws = new AwsClients(Cloud.ClientSettings);
        Ec2 = new AmazonEC2Client(Cloud.ClientSettings.Credentials, new AmazonEC2Config { ServiceURL = Cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>Settings in SSM and an available AMI of this account tagged for the application.</summary>
    public async Task<(string Application, string ImageId)> SeedApplicationAsync()
    {
        var application = "app-" + Guid.NewGuid().ToString("N")[..8];
        await Aws.Parameters.PutParameterAsync($"/bluegreen/applications/{application}", $$"""
            { "liveGroup": "{{application}}-blue", "strategy": "swap",
              "targetGroupArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{{application}}/0123456789abcdef"] }
            """);
        return (application, await CreateImageAsync(tagged: application));
    }

    /// <summary>An available AMI of this account, tagged for <paramref name="tagged"/> when given.</summary>
    public async Task<string> CreateImageAsync(string? tagged)
    {
        var source = (await Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images[0].ImageId;
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = source, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0];
        var image = await Ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = instance.InstanceId,
            Name = "image-" + Guid.NewGuid().ToString("N")[..8],
            TagSpecifications = tagged is null ? null : [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("bluegreen:application", tagged)] }],
        });
        return image.ImageId;
    }

    /// <summary>Tags an AMI for an application after it was created, as Packer does.</summary>
    public Task TagImageAsync(string imageId, string application) =>
        Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = [new Tag("bluegreen:application", application)] });

    /// <summary>The sample application (ALB, target group, blue group serving, new tagged AMI, settings).</summary>
    public Task<SampleApplication> SeedSampleAsync(Func<string, string, string, string, string>? settingsJson = null, BlueLaunchSpec blueLaunchSpec = BlueLaunchSpec.LatestVersion)
    {
        var options = new SampleOptions { Application = "app-" + Guid.NewGuid().ToString("N")[..8], BlueLaunchSpec = blueLaunchSpec };
        return SampleApplication.SeedAsync(Aws, settingsJson is null ? options : options with { SettingsJson = settingsJson });
    }

    /// <summary>A setting in seconds that lasts <paramref name="seconds"/> real seconds here: the
    /// handlers measure bakes, drains and windows on the cloud's clock, which runs 1/TimeScale as fast.</summary>
    public int RealSeconds(double seconds) => (int)Math.Ceiling(seconds / Cloud.Options.TimeScale);

    public string LockTable => Assert.Single(Cloud.Stack.TableNames);

    public Task<ExecutionResult> RunAsync(string input) =>
        Cloud.RunExecutionAsync(StateMachine, input, TimeSpan.FromMinutes(3));

    /// <summary>Mutating calls to anything but Step Functions and Lambda (the engine itself).</summary>
    public static int ResourceWrites(CallCounts before, CallCounts after) =>
        Writes(after) - Writes(before);

    private static int Writes(CallCounts counts) => counts.Services
        .Where(s => s.Key is not ("states" or "lambda"))
        .SelectMany(s => s.Value.Select(o => (Service: s.Key, Operation: o.Key, Calls: o.Value)))
        .Where(o => !CallCounter.IsReadOnly(o.Operation) && !CallCounter.IsAnnouncement(o.Service, o.Operation))
        .Sum(o => o.Calls);

    /// <summary>Every call of every run in the collection (each strategy, approval, cleanup) is in a policy.</summary>
    public Task DisposeAsync() => CloudTeardown.DisposeCheckedAsync(Cloud, Ec2, Aws);
}

[CollectionDefinition(Name)]
public sealed class WorkflowCloudCollection : ICollectionFixture<WorkflowCloud>
{
    public const string Name = "workflow cloud";
}

/// <summary>The fault matrix and its neighbours on a workflow cloud of their own, so they run beside
/// the other workflow runs (the tests of one cloud run one after another: faults, the call counter
/// and the write journal are the cloud's, not a test's).</summary>
[CollectionDefinition(Name)]
public sealed class FaultMatrixCloudCollection : ICollectionFixture<WorkflowCloud>
{
    public const string Name = "fault matrix cloud";
}
