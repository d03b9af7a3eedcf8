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

    [Fact]
    public async Task GetParametersByPath_TwoUnderPathOneDeeper_ReturnsTheDirectChildrenByName()
    {
        // Arrange
        var path = $"/bluegreen/{Unique.Name("apps")}";
        await _parameters.PutParameterAsync($"{path}/shop", """{"strategy":"swap"}""");
        await _parameters.PutParameterAsync($"{path}/cart", "token", secure: true);
        await _parameters.PutParameterAsync($"{path}/cart/deeper", "{}");

        // Act
        var parameters = await _parameters.GetParametersByPathAsync(path);

        // Assert
        Assert.Equal(
            new Dictionary<string, string> { [$"{path}/cart"] = "token", [$"{path}/shop"] = """{"strategy":"swap"}""" },
            parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
    }
}
