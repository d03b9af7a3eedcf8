using BlueGreen.Functions.Hosting;
using BlueGreen.Local.CodeDeploy;
using BlueGreen.Local.Faults;
using BlueGreen.Local.Gateway;

namespace BlueGreen.Local;

public sealed record LocalCloudOptions
{
    public const int DefaultPort = 4566;
    public const string DefaultRegion = "us-east-1";
    public const string AccountId = "123456789012";
    public const string TemplateFileName = "serverless.template";

    /// <summary>The folder beside the assembly where the packed <c>bluegreen</c> tool carries
    /// serverless.template, its state machine and samconfig.toml (the stack name), used outside a checkout.</summary>
    public const string BundledStackFolder = "stack";

    /// <summary>The gateway's loopback port (the one endpoint users see); 0 picks a free port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How fast time runs in this cloud (1 = real time, 0.01 = 100× faster): moto's Wait-state
    /// and Retry-backoff sleeps and task timeouts, and the clock of the in-process handlers and the
    /// CodeDeploy emulator, so the bakes, drains, health timeouts and watch windows the handlers
    /// measure themselves shrink with the waits (decision 29). A setting that must last a given real
    /// time here is that time ÷ TimeScale.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>The Lambda handlers the gateway runs in-process, by template logical id; null for
    /// BlueGreen's own handlers, calling AWS through the gateway.</summary>
    public IFunctionCatalog? Functions { get; init; }

    /// <summary>Where BlueGreen's handlers write their structured log lines.</summary>
    public TextWriter FunctionLog { get; init; } = TextWriter.Null;

    /// <summary>Where serverless.template lives; found by walking up from the current directory
    /// to BlueGreenFunctions.sln when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Overrides RepositoryRoot/serverless.template (tests use a fixture template).</summary>
    public string? TemplatePath { get; init; }

    /// <summary>False starts an empty cloud: no tables, no state machine.</summary>
    public bool DeployStack { get; init; } = true;

    /// <summary>${AWS::StackName} in substitutions; when null, the stack_name of samconfig.toml
    /// beside the template (what `sam deploy` uses), else "bluegreen".</summary>
    public string? StackName { get; init; }

    public string Region { get; init; } = DefaultRegion;

    /// <summary>Services the gateway answers instead of moto; null for the CodeDeploy emulator. The
    /// Image Builder and CloudFormation (DescribeStacks of the deployed stack) emulators are added after these in every case.</summary>
    public IReadOnlyList<IServiceEmulator>? Emulators { get; init; }

    /// <summary>A fault registry shared with code built before the cloud (e.g. an emulator); a new one when null.</summary>
    public FaultRegistry? Faults { get; init; }

    /// <summary>Executions put "Step Functions Execution Status Change" on the default event bus when
    /// they end, as in AWS, so the template's rule rolls back a stopped or timed-out deployment.
    /// Tests that stop executions and want no automatic cleanup switch it off (launcher workaround
    /// <c>execution-status-events</c> left out).</summary>
    public bool ExecutionStatusEvents { get; init; } = true;

    /// <summary>AMIs made by CreateImage, CopyImage or RegisterImage put "EC2 AMI State Change"
    /// (available) on the default event bus, as in AWS, so the state machine's AMI rule starts a
    /// deployment. Tests that create tagged AMIs and start deployments themselves switch it off
    /// (launcher workaround <c>ami-state-events</c> left out).</summary>
    public bool AmiStateEvents { get; init; } = true;

    /// <summary>Strict wire mode (on by default, so every test runs with it): the gateway checks each
    /// request BlueGreen's own code sends (in-process handlers, and test clients made with
    /// <see cref="WireChecks.Stamp"/>) against botocore's model of the operation and answers a misfit
    /// with 400 <c>BlueGreenWireViolation</c>. <c>cloud.Wire</c> and <c>GET /_bluegreen/wire</c> report it.</summary>
    public bool StrictWire { get; init; } = true;

    /// <summary>moto launcher workarounds to leave out (tests that show the defect each one fixes).</summary>
    public IReadOnlyList<string> MotoWithoutWorkarounds { get; init; } = [];

    /// <summary>The clock of the handlers and the CodeDeploy emulator: real time sped up by 1/TimeScale.</summary>
    internal TimeProvider ScaledClock() =>
        TimeScale is > 0 and < 1 ? new ScaledTimeProvider(TimeProvider.System, TimeScale) : TimeProvider.System;

    /// <summary>An emulated CodeDeploy deployment takes the same real time at any scale (1 s to
    /// start, 3 s to finish, as the emulator's defaults), so a CreateDeployment retried after a lost
    /// answer still finds it active; its times are on the scaled clock, as the handlers' are.</summary>
    internal CodeDeployEmulatorOptions CodeDeployTimes()
    {
        var real = new CodeDeployEmulatorOptions();
        return TimeScale is > 0 and < 1
            ? real with { StartDelay = real.StartDelay / TimeScale, Duration = real.Duration / TimeScale }
            : real;
    }
}
