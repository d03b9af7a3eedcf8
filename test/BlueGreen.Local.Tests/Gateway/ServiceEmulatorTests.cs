using System.Net;
using System.Text;
using BlueGreen.Local.Faults;
using BlueGreen.Local.Gateway;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Gateway;

public sealed class ServiceEmulatorTests
{
    private sealed class FakeCodeDeploy(FaultRegistry faults) : IServiceEmulator
    {
        public bool Owns(string service, string operation) => service == "codedeploy";

        public Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
        {
            var status = faults.TryTakeCodeDeployFailure(out _) ? "Failed" : "Created";
            return Task.FromResult(new EmulatorResponse(200, "application/x-amz-json-1.1",
                Encoding.UTF8.GetBytes($$"""{"operation":"{{request.Operation}}","status":"{{status}}"}""")));
        }
    }

    [Fact]
    public async Task CodeDeployCall_EmulatorOwnsService_AnsweredInGatewayAfterCountingAndFaults()
    {
        var faults = new FaultRegistry();
        await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions
        {
            Port = 0,
            Faults = faults,
            Emulators = [new FakeCodeDeploy(faults)],
        });
        faults.Throttle("codedeploy", "CreateDeployment", 1);
        faults.FailNextCodeDeployDeployment();

        using var raw = new RawAws(gateway.Endpoint);
        using var throttled = await raw.SendJsonAsync("codedeploy", "CodeDeploy_20141006.CreateDeployment");
        using var failed = await raw.SendJsonAsync("codedeploy", "CodeDeploy_20141006.CreateDeployment");
        using var created = await raw.SendJsonAsync("codedeploy", "CodeDeploy_20141006.CreateDeployment");

        Assert.Equal(HttpStatusCode.BadRequest, throttled.StatusCode);
        Assert.Contains("\"Failed\"", await failed.Content.ReadAsStringAsync());
        Assert.Contains("\"Created\"", await created.Content.ReadAsStringAsync());
        Assert.Equal(3, gateway.Calls.Count("codedeploy", "CreateDeployment"));
    }
}
