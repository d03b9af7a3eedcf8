using System.Net;
using System.Net.Sockets;
using BlueGreen.Local.Gateway;

namespace BlueGreen.Local.Tests.Gateway;

public sealed class LocalGatewayTests
{
    [Fact]
    public async Task StartAsync_PortTaken_GatewayPortInUseNamingThePort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<GatewayPortInUse>(() => LocalGateway.StartAsync(new LocalGatewayOptions { Port = port }));

        Assert.Contains($"127.0.0.1:{port}", failure.Message);
    }

    [Fact]
    public async Task AnyAwsCall_NoMotoAttachedYet_503()
    {
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0 });
        using var http = new HttpClient();

        using var response = await http.PostAsync(gateway.Endpoint, new FormUrlEncodedContent([new("Action", "DescribeAutoScalingGroups")]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, gateway.Calls.Count("unknown", "DescribeAutoScalingGroups"));
    }
}
