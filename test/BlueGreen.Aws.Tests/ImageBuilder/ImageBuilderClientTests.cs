using BlueGreen.Aws.Errors;
using BlueGreen.Aws.ImageBuilder;
using BlueGreen.Aws.Tests.Support;
using BlueGreen.Local.Gateway;
using BlueGreen.Local.ImageBuilder;

namespace BlueGreen.Aws.Tests.ImageBuilder;

/// <summary>moto has no Image Builder: these run against the local gateway's emulator, in front of the shared moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class ImageBuilderClientTests(MotoFixture moto) : IAsyncLifetime
{
    private LocalGateway _gateway = null!;
    private AwsClients _clients = null!;
    private ImageBuilderEmulator _emulator = null!;

    private IImageBuilder ImageBuilder => _clients.ImageBuilder;

    public async Task InitializeAsync()
    {
        _emulator = new ImageBuilderEmulator(moto.Clients.Events, TimeProvider.System);
        _gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, Emulators = [_emulator], StrictWire = true });
        _gateway.Upstream = moto.Endpoint;
        _clients = new AwsClients(MotoFixture.Settings(_gateway.Endpoint), new WireChecks.Stamp());
    }

    [Fact]
    public async Task GetImage_AvailableBuild_ReturnsStatusAndAmis()
    {
        // Arrange
        var name = Unique.Name("shop");
        var arn = await _emulator.CreateImageAsync(new NewImage(name, "1.0.0",
            [new NewImageAmi("us-east-1", "ami-0abc1234"), new NewImageAmi("eu-west-1", "ami-0def5678", "shop eu", "210987654321")]));

        // Act
        var image = await ImageBuilder.GetImageAsync(arn);

        // Assert
        Assert.NotNull(image);
        Assert.Equal((arn, "AVAILABLE"), (image.Arn, image.Status));
        Assert.Equal($"arn:aws:imagebuilder:us-east-1:123456789012:image/{name}/1.0.0/1", arn);
        Assert.Equal(2, image.Amis.Count);
        Assert.Equal(("us-east-1", "ami-0abc1234", "123456789012"), (image.Amis[0].Region, image.Amis[0].ImageId, image.Amis[0].AccountId));
        Assert.StartsWith(name + " ", image.Amis[0].Name);
        Assert.Equal(new ImageBuildAmi("eu-west-1", "ami-0def5678", "210987654321", "shop eu"), image.Amis[1]);
    }

    [Fact]
    public async Task GetImage_FailedBuild_ReturnsStatusWithoutAmis()
    {
        // Arrange
        var arn = await _emulator.CreateImageAsync(new NewImage(Unique.Name("shop"), "1.0.0", []) { Status = "FAILED", Reason = "test failed" });

        // Act
        var image = await ImageBuilder.GetImageAsync(arn);

        // Assert
        Assert.Equal("FAILED", image!.Status);
        Assert.Empty(image.Amis);
    }

    [Fact]
    public async Task GetImage_UnknownBuild_ReturnsNull()
    {
        // Act
        var image = await ImageBuilder.GetImageAsync("arn:aws:imagebuilder:us-east-1:123456789012:image/no-such-recipe/1.0.0/1");

        // Assert
        Assert.Null(image);
    }

    [Fact]
    public async Task GetImage_VersionArn_ReturnsItsNewestBuild()
    {
        // Arrange
        var name = Unique.Name("shop");
        await _emulator.CreateImageAsync(new NewImage(name, "1.0.0", [new NewImageAmi("us-east-1", "ami-01")]));
        var second = await _emulator.CreateImageAsync(new NewImage(name, "1.0.0", [new NewImageAmi("us-east-1", "ami-02")]));

        // Act
        var image = await ImageBuilder.GetImageAsync($"arn:aws:imagebuilder:us-east-1:123456789012:image/{name}/1.0.0");

        // Assert
        Assert.EndsWith("/1.0.0/2", second);
        Assert.Equal((second, "ami-02"), (image!.Arn, Assert.Single(image.Amis).ImageId));
    }

    [Fact]
    public async Task GetImage_MalformedArn_ThrowsValidation()
    {
        // Arrange: the ARN breaks the model's pattern on purpose, so strict wire mode would refuse it
        // before the emulator could; an unstamped client lets the emulator answer as AWS would.
        using var unstamped = new AwsClients(MotoFixture.Settings(_gateway.Endpoint));

        // Act
        var error = await Assert.ThrowsAsync<AwsValidationException>(() => unstamped.ImageBuilder.GetImageAsync("ami-0abc1234"));

        // Assert
        Assert.Equal(("ImageBuilder", "GetImage", "InvalidParameterValueException"), (error.Service, error.Operation, error.Code));
        Assert.Contains("imageBuildVersionArn", error.Message);
    }

    [Fact]
    public async Task GetImage_ThrottledTwice_RetriedUntilAnswered()
    {
        // Arrange
        var arn = await _emulator.CreateImageAsync(new NewImage(Unique.Name("shop"), "2.1.0", [new NewImageAmi("us-east-1", "ami-0abc")]));
        _gateway.Faults.Throttle("imagebuilder", "GetImage", 2);

        // Act
        var image = await ImageBuilder.GetImageAsync(arn);

        // Assert
        Assert.Equal(arn, image!.Arn);
        Assert.Equal(3, _gateway.Calls.Snapshot().Count("imagebuilder", "GetImage"));
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _gateway.DisposeAsync();
    }
}
