using Amazon;
using Amazon.Runtime;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Aws.Tests;

public sealed class AwsSettingsTests
{
    private static readonly Func<RegionEndpoint> NoDefaultRegion = () => throw new InvalidOperationException("region fallback used");
    private static readonly Func<AWSCredentials> NoDefaultCredentials = () => throw new InvalidOperationException("credential fallback used");

    [Fact]
    public void EnvironmentVariables_ProcessEnvironment_CopiedSoCallersCanChangeIt()
    {
        var name = $"BLUEGREEN_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "from-the-process");
        try
        {
            var variables = AwsSettings.EnvironmentVariables();
            variables[name] = "changed";

            Assert.Equal("from-the-process", AwsSettings.EnvironmentVariables()[name]);
            Assert.Equal("from-the-process", Environment.GetEnvironmentVariable(name));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void FromVariables_StandardVariables_AreAllRead()
    {
        // Arrange
        var variables = new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_SESSION_TOKEN"] = "token",
            ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL_SFN"] = "http://localhost:8083",
            ["AWS_MAX_ATTEMPTS"] = "7",
        };

        // Act
        var settings = AwsSettings.FromVariables(variables, NoDefaultRegion, NoDefaultCredentials);

        // Assert
        Assert.Equal(RegionEndpoint.EUWest1, settings.Region);
        var credentials = settings.Credentials.GetCredentials();
        Assert.Equal(("AKIDEXAMPLE", "secret", "token"), (credentials.AccessKey, credentials.SecretKey, credentials.Token));
        Assert.Equal(new Uri("http://localhost:4566"), settings.Endpoint);
        Assert.Equal(new Uri("http://localhost:8083"), settings.ServiceEndpoints["SFN"]);
        Assert.Equal(7, settings.Retry.MaxAttempts);
    }

    [Fact]
    public void FromVariables_NoRegionOrKeys_UsesTheDefaultChains()
    {
        // Arrange
        var fallbackCredentials = new BasicAWSCredentials("from", "chain");

        // Act
        var settings = AwsSettings.FromVariables(new Dictionary<string, string?>(), () => RegionEndpoint.APSoutheast2, () => fallbackCredentials);

        // Assert
        Assert.Equal(RegionEndpoint.APSoutheast2, settings.Region);
        Assert.Same(fallbackCredentials, settings.Credentials);
        Assert.Null(settings.Endpoint);
        Assert.Empty(settings.ServiceEndpoints);
    }

    [Fact]
    public void FromVariables_IgnoreConfiguredEndpointUrls_DropsEveryEndpoint()
    {
        // Arrange
        var variables = new Dictionary<string, string?>
        {
            ["AWS_DEFAULT_REGION"] = "us-west-2",
            ["AWS_ACCESS_KEY_ID"] = "a",
            ["AWS_SECRET_ACCESS_KEY"] = "b",
            ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL_SFN"] = "http://localhost:8083",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        };

        // Act
        var settings = AwsSettings.FromVariables(variables, NoDefaultRegion, NoDefaultCredentials);

        // Assert
        Assert.Equal(RegionEndpoint.USWest2, settings.Region);
        Assert.Null(settings.Endpoint);
        Assert.Empty(settings.ServiceEndpoints);
    }

    [Fact]
    public void ServiceEndpoint_NoOverrides_IsTheRegionalAwsEndpoint()
    {
        // Arrange
        var settings = Settings("eu-central-1");

        // Act
        var endpoint = ServiceEndpoint.Resolve(AutoScalingClient.Service, settings);

        // Assert
        Assert.Equal(new ServiceEndpoint(new Uri("https://autoscaling.eu-central-1.amazonaws.com"), "eu-central-1"), endpoint);
    }

    [Fact]
    public void ServiceEndpoint_Route53_IsGlobalAndSignedForUsEast1()
    {
        // Act
        var endpoint = ServiceEndpoint.Resolve(Route53Client.Service, Settings("eu-central-1"));

        // Assert
        Assert.Equal(new ServiceEndpoint(new Uri("https://route53.amazonaws.com"), "us-east-1"), endpoint);
    }

    [Fact]
    public void ServiceEndpoint_ServiceSpecificAndGlobalOverride_ServiceSpecificWins()
    {
        // Arrange
        var settings = Settings("eu-central-1") with
        {
            Endpoint = new Uri("http://localhost:4566"),
            ServiceEndpoints = new Dictionary<string, Uri> { ["SFN"] = new("http://localhost:8083") },
        };

        // Act
        var stepFunctions = ServiceEndpoint.Resolve(StepFunctionsClient.Service, settings);
        var autoScaling = ServiceEndpoint.Resolve(AutoScalingClient.Service, settings);

        // Assert
        Assert.Equal(new Uri("http://localhost:8083"), stepFunctions.Url);
        Assert.Equal(new Uri("http://localhost:4566"), autoScaling.Url);
        Assert.Equal("eu-central-1", autoScaling.SigningRegion);
        Assert.True(stepFunctions.IsConfigured && autoScaling.IsConfigured);
    }

    private static AwsSettings Settings(string region) => new()
    {
        Region = RegionEndpoint.GetBySystemName(region),
        Credentials = new BasicAWSCredentials("a", "b"),
    };
}
