using Amazon.Runtime;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Signing;

/// <summary>moto recomputes each SigV4 signature with the caller's secret key and refuses mismatches.</summary>
public sealed class SignatureTests(AuthenticatingMoto moto) : IClassFixture<AuthenticatingMoto>
{
    private AwsClients Clients(string secretAccessKey) => new(
        MotoFixture.Settings(moto.Endpoint) with { Credentials = new BasicAWSCredentials(moto.AccessKeyId, secretAccessKey) });

    [Fact]
    public async Task EveryProtocol_SignedWithTheUsersKeys_IsAccepted()
    {
        // Arrange
        using var clients = Clients(moto.SecretAccessKey);

        // Act: one call per wire format (Query, JSON 1.0, REST-XML).
        var alarms = await clients.CloudWatch.DescribeAlarmsAsync(["none"]);
        var machines = await clients.StepFunctions.ListStateMachinesAsync();
        var missingZone = await Record.ExceptionAsync(() => clients.Route53.ListResourceRecordSetsAsync("ZMISSING"));

        // Assert: Route 53 got past authentication to look the zone up.
        Assert.Empty(alarms);
        Assert.Empty(machines);
        Assert.Equal("NoSuchHostedZone", Assert.IsType<AwsNotFoundException>(missingZone).Code);
    }

    [Fact]
    public async Task DescribeAlarms_SignedWithTheWrongSecret_ThrowsAccessDenied()
    {
        // Arrange
        using var clients = Clients("not-the-secret");

        // Act
        var error = await Assert.ThrowsAsync<AwsAccessDeniedException>(() => clients.CloudWatch.DescribeAlarmsAsync(["none"]));

        // Assert
        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Equal(403, (int)error.StatusCode);
    }
}
