using BlueGreen.Aws;
using BlueGreen.Functions.Announcements;
using BlueGreen.Functions.Metrics;

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

    /// <summary>Where structured log records and metric records go: <see cref="Console.Out"/> in Lambda,
    /// written one record per <c>Write</c> (see <see cref="Logging.LogRecord"/>).</summary>
    public TextWriter Log { get; } = log;

    public FunctionSettings Settings { get; } = settings;

    /// <summary>Tells the account what a deployment did (EventBridge, and SNS when the application asks).</summary>
    public DeploymentAnnouncer Announcer => new(Aws.Events, Aws.Notifications, Time);

    /// <summary>The metrics of a deployment's ending, as embedded metric format records in the log.</summary>
    public DeploymentMetrics Metrics => new(Log, Time);
}
