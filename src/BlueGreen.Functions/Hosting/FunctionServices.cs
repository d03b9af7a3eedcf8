using BlueGreen.Aws;
using BlueGreen.Functions.Announcements;

namespace BlueGreen.Functions.Hosting;

/// <summary>
/// The composition root: everything a handler needs, built once per Lambda container (or once per
/// local cloud) and shared by every invocation.
/// </summary>
public sealed class FunctionServices(AwsClients aws, TimeProvider time, TextWriter log, FunctionSettings settings)
{
    private static readonly Lazy<FunctionServices> FromLambdaEnvironment = new(() =>
        new FunctionServices(new AwsClients(AwsSettings.FromEnvironment()), TimeProvider.System, Console.Out, FunctionSettings.FromVariables(Environment.GetEnvironmentVariable)));

    /// <summary>The container's services, read from the standard AWS settings on first use.</summary>
    public static FunctionServices Container => FromLambdaEnvironment.Value;

    public AwsClients Aws { get; } = aws;

    public TimeProvider Time { get; } = time;

    /// <summary>Where structured log lines go (stdout in Lambda, so CloudWatch Logs keeps them).</summary>
    public TextWriter Log { get; } = log;

    public FunctionSettings Settings { get; } = settings;

    /// <summary>Tells the account what a deployment did (EventBridge, and SNS when the application asks).</summary>
    public DeploymentAnnouncer Announcer => new(Aws.Events, Aws.Notifications, Time);
}
