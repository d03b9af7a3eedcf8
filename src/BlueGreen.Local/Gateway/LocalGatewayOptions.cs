using BlueGreen.Functions.Hosting;
using BlueGreen.Local.Calls;
using BlueGreen.Local.Faults;

namespace BlueGreen.Local.Gateway;

public sealed record LocalGatewayOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; } = LocalCloudOptions.DefaultPort;

    /// <summary>The Lambda functions the gateway runs in-process; none when null.</summary>
    public IFunctionCatalog? Functions { get; init; }

    public string Region { get; init; } = LocalCloudOptions.DefaultRegion;

    /// <summary>Shared counters and faults (e.g. with a CodeDeploy emulator); new ones when null.</summary>
    public CallCounter? Calls { get; init; }

    public FaultRegistry? Faults { get; init; }

    /// <summary>Strict wire mode: requests from in-process handlers (<c>X-BlueGreen-Function</c>) and
    /// from clients stamped with <see cref="WireChecks.Stamp"/> are checked against botocore's
    /// model and refused with 400 <c>BlueGreenWireViolation</c> when they break it.</summary>
    public bool StrictWire { get; init; }

    /// <summary>Services answered in the gateway instead of moto (e.g. CodeDeploy).</summary>
    public IReadOnlyList<IServiceEmulator> Emulators { get; init; } = [];
}
