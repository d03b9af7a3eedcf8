namespace BlueGreen.Cli.Demo;

/// <summary>The endings the demo can show; each says which outcome counts as the expected one.</summary>
public sealed record DemoScenario(string Name, string Description, string ExpectedStatus, string? ExpectedError)
{
    public static readonly DemoScenario Happy = new("happy", "a new AMI becomes available and replaces the live fleet", "SUCCEEDED", null);
    public static readonly DemoScenario UnhealthyGreen = new("unhealthy-green", "the new AMI's instances fail their health checks", "FAILED", "GreenUnhealthy");
    public static readonly DemoScenario CodeDeployFails = new("codedeploy-fails", "the CodeDeploy deployment to green fails", "FAILED", "CodeDeployFailed");
    public static readonly DemoScenario Locked = new("locked", "a second deployment starts while the first one runs", "FAILED", "DeploymentLocked");
    public static readonly DemoScenario Alarm = new("alarm", "a CloudWatch alarm goes off once traffic starts moving to green", "FAILED", "AlarmFired");
    public static readonly DemoScenario BadInput = new("bad-input", "a request with three mistakes", "FAILED", "InvalidRequest");

    public static IReadOnlyList<DemoScenario> All { get; } = [Happy, UnhealthyGreen, CodeDeployFails, Alarm, Locked, BadInput];

    public bool IsExpected(string status, string? error) => status == ExpectedStatus && error == ExpectedError;
}
