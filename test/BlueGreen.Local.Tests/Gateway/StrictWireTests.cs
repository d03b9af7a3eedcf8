using System.Net;
using System.Text.Json.Nodes;
using BlueGreen.Local.Calls;
using BlueGreen.Local.Gateway;

namespace BlueGreen.Local.Tests.Gateway;

/// <summary>Strict wire mode end to end through the gateway's HTTP front door (no moto needed: a
/// request that fits goes on and finds no moto, 503; one that does not is refused first, 400).</summary>
public sealed class StrictWireTests
{
    private const string Scope = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=0";

    [Fact]
    public async Task StampedRequest_BreaksTheModel_400BlueGreenWireViolationNamingOperationPathAndRule()
    {
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, StrictWire = true });
        using var http = new HttpClient { BaseAddress = gateway.Endpoint };

        using var response = await http.SendAsync(Request(WireChecks.Header, "AutoScalingGroupNames.1=shop"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>BlueGreenWireViolation</Code>", body);
        Assert.Contains("autoscaling:DescribeAutoScalingGroups", body);
        Assert.Contains("AutoScalingGroupNames.1: no such parameter", body);
        ForgetProvokedViolations(gateway);
    }

    [Fact]
    public async Task ThrowIfAnyViolation_AfterARefusal_ListsIt()
    {
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, StrictWire = true });
        using var http = new HttpClient { BaseAddress = gateway.Endpoint };
        using var response = await http.SendAsync(Request(CallingFunction.Header, "MaxRecords=many"));

        var failure = Assert.Throws<InvalidOperationException>(gateway.Wire.ThrowIfAnyViolation);

        Assert.Contains("MaxRecords: 'many' is not an integer", failure.Message);
        ForgetProvokedViolations(gateway);
    }

    /// <summary>A violation these tests provoke on purpose must not reach the run's wire report
    /// (BLUEGREEN_WIRE_REPORT), where any violation means a request of ours breaks the model.</summary>
    private static void ForgetProvokedViolations(LocalGateway gateway) => gateway.Wire.Reset();

    [Fact]
    public async Task HandlerRequestThatFits_PassesOnAndIsCounted()
    {
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, StrictWire = true });
        using var http = new HttpClient { BaseAddress = gateway.Endpoint };

        using var response = await http.SendAsync(Request(CallingFunction.Header, "AutoScalingGroupNames.member.1=shop"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = JsonNode.Parse(await http.GetStringAsync(new Uri(gateway.Endpoint, "/_bluegreen/wire")))!;
        Assert.Equal(1, (long)report["checked"]!);
        Assert.Equal("autoscaling:DescribeAutoScalingGroups", (string?)report["operations"]![0]);
        Assert.Empty(report["violations"]!.AsArray());
    }

    [Fact]
    public async Task UnmarkedRequest_SeedingOrMotosOwn_IsNotChecked()
    {
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, StrictWire = true });
        using var http = new HttpClient { BaseAddress = gateway.Endpoint };

        using var response = await http.SendAsync(Request(null, "AutoScalingGroupNames.1=shop"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, gateway.Wire.Snapshot().Checked);
    }

    [Fact]
    public async Task StrictWireOff_StampedRequestBreakingTheModel_PassesOn()
    {
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0 });
        using var http = new HttpClient { BaseAddress = gateway.Endpoint };

        using var response = await http.SendAsync(Request(WireChecks.Header, "AutoScalingGroupNames.1=shop"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(gateway.Wire.Snapshot().Enabled);
    }

    private static HttpRequestMessage Request(string? marker, string parameters)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent($"Action=DescribeAutoScalingGroups&Version=2011-01-01&{parameters}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Scope);
        if (marker is not null)
        {
            request.Headers.TryAddWithoutValidation(marker, "x");
        }

        return request;
    }
}
