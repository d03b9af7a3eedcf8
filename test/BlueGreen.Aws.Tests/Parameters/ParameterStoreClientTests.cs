using BlueGreen.Aws.Parameters;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Parameters;

[Collection(MotoCollection.Name)]
public sealed class ParameterStoreClientTests(MotoFixture moto)
{
    private readonly IParameterStore _parameters = moto.Clients.Parameters;

    [Fact]
    public async Task PutParameterThenGetParameter_Twice_ReturnsLatestValue()
    {
        // Arrange
        var name = $"/bluegreen/applications/{Unique.Name("app")}";

        // Act
        await _parameters.PutParameterAsync(name, """{"strategy":"swap"}""");
        await _parameters.PutParameterAsync(name, """{"strategy":"weighted"}""");
        var value = await _parameters.GetParameterAsync(name);

        // Assert
        Assert.Equal("""{"strategy":"weighted"}""", value);
    }

    [Fact]
    public async Task GetParameter_SecureString_ReturnsDecryptedValue()
    {
        // Arrange
        var name = $"/bluegreen/secrets/{Unique.Name("token")}";
        await _parameters.PutParameterAsync(name, "s3cr3t", secure: true);

        // Act
        var value = await _parameters.GetParameterAsync(name);

        // Assert
        Assert.Equal("s3cr3t", value);
    }

    [Fact]
    public async Task GetParameter_Missing_ReturnsNull()
    {
        // Act
        var value = await _parameters.GetParameterAsync("/bluegreen/applications/never-configured");

        // Assert
        Assert.Null(value);
    }
}
