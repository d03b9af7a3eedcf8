using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Functions.Hosting;
using BlueGreen.Local;
using BlueGreen.Local.Gateway;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// A local cloud (moto behind the gateway) for handler tests, with clients pointed at it and
/// seeding helpers. Handlers call AWS through the gateway, so its call counter sees every call.
/// </summary>
public sealed class FunctionsCloud : IAsyncLifetime
{
    public LocalCloud Cloud { get; private set; } = null!;

    public AwsClients Aws { get; private set; } = null!;

    public StringWriter Log { get; } = new();

    public FunctionServices Services { get; private set; } = null!;

    /// <summary>The official EC2 client, for seeding what our port deliberately cannot do.</summary>
    public IAmazonEC2 Ec2 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The real stack, so the lock table exists under the name the template gives it.
        // No AMI events: a seeded tagged AMI must not start a deployment that changes the fleets under test.
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, TimeScale = 0.01, RepositoryRoot = RepositoryRoot(), AmiStateEvents = false });
        var settings = new AwsSettings
        {
            Region = RegionEndpoint.USEast1,
            Credentials = new BasicAWSCredentials(LocalCredentials.AccessKeyId, LocalCredentials.SecretAccessKey),
            Endpoint = Cloud.Endpoint,
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        // Stamped: the cloud's strict wire mode checks the handlers' requests made through these clients too.
        Aws = new AwsClients(settings, new WireChecks.Stamp());
        Services = new FunctionServices(Aws, TimeProvider.System, Log, new FunctionSettings(Assert.Single(Cloud.Stack.TableNames)));
        Ec2 = new AmazonEC2Client(settings.Credentials, new AmazonEC2Config { ServiceURL = Cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>An available AMI owned by this (moto's) account, with the given tags.</summary>
    public async Task<string> CreateOwnImageAsync(IReadOnlyDictionary<string, string> tags)
    {
        var source = await AnyForeignImageAsync();
        var run = await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = source, MinCount = 1, MaxCount = 1, InstanceType = InstanceType.T3Micro });
        var image = await Ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = run.Reservation.Instances[0].InstanceId,
            Name = $"bluegreen-test-{Guid.NewGuid():N}",
            TagSpecifications = tags.Count == 0 ? null :
            [
                new TagSpecification { ResourceType = ResourceType.Image, Tags = tags.Select(t => new Tag(t.Key, t.Value)).ToList() },
            ],
        });
        return image.ImageId;
    }

    /// <summary>Tags an AMI after it was created, as image pipelines such as Packer do.</summary>
    public Task TagImageAsync(string imageId, string key, string value) =>
        Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = [new Tag(key, value)] });

    /// <summary>One of moto's built-in public AMIs: owned by another account.</summary>
    public async Task<string> AnyForeignImageAsync()
    {
        var images = await Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] });
        return images.Images.First(i => i.State == ImageState.Available).ImageId;
    }

    /// <summary>An ALB, target group and blue group on an old AMI, a new tagged AMI and settings.</summary>
    public Task<SampleApplication> SeedSampleAsync(int capacity = 2, Func<string, string, string, string, string>? settingsJson = null)
    {
        var options = new SampleOptions { Application = "app-" + Guid.NewGuid().ToString("N")[..8], Capacity = capacity };
        return SampleApplication.SeedAsync(Aws, settingsJson is null ? options : options with { SettingsJson = settingsJson });
    }

    public Task PutSettingsAsync(string application, string json) =>
        Aws.Parameters.PutParameterAsync($"/bluegreen/applications/{application}", json);

    private static string RepositoryRoot() =>
        LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("BlueGreenFunctions.sln not found");

    public async Task DisposeAsync()
    {
        Ec2.Dispose();
        Aws.Dispose();
        var wire = Cloud.Wire;
        await Cloud.DisposeAsync();
        // Loud even where a handler swallows the refusal (announcements never fail a step).
        wire.ThrowIfAnyViolation();
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionsCloudCollection : ICollectionFixture<FunctionsCloud>
{
    public const string Name = "functions cloud";
}
