using System.Collections;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws;

namespace BlueGreen.Cli.Operator;

/// <summary>
/// One operator command's connection to AWS and to the user: the clients (standard AWS settings,
/// overridden by <c>--profile</c>/<c>--region</c>), the stack's resources, and where and how to write.
/// </summary>
internal sealed class OperatorSession : IDisposable
{
    public const string StateMachineOutput = "StateMachineArn";
    public const string LockTableOutput = "LockTableName";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lazy<AwsClients> _aws;
    private StackResources? _stack;

    private OperatorSession(Func<AwsClients> aws, string stackName, string? profile, OutputFormat output, TextWriter @out, TextWriter error, TimeProvider time)
    {
        _aws = new(aws);
        StackName = stackName;
        Profile = profile;
        Output = output;
        Out = @out;
        Error = error;
        Time = time;
    }

    public AwsClients Aws => _aws.Value;

    public string StackName { get; }

    /// <summary><c>--profile</c>, else AWS_PROFILE; null for the default chain. Named in hints.</summary>
    public string? Profile { get; }

    public OutputFormat Output { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; }

    /// <summary><c>--state-machine</c> (name or ARN) given explicitly: wins over the stack's output.</summary>
    public string? StateMachineOverride { get; set; }

    /// <summary><c>--lock-table</c> given explicitly: wins over the stack's output.</summary>
    public string? LockTableOverride { get; set; }

    public static OperatorSession Open(ParseResult result, OperatorOptions options, TextWriter @out, TextWriter error)
    {
        var profile = result.GetValue(options.Profile);
        var region = result.GetValue(options.Region);
        return new OperatorSession(
            () => new AwsClients(OperatorCredentials.Settings(profile, region)),
            result.GetValue(options.Stack)!,
            profile ?? (Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } named ? named : null),
            result.GetValue(options.Output),
            @out,
            error,
            TimeProvider.System);
    }

    /// <summary>The stack's state machine and lock table, read once from its outputs
    /// (CloudFormation DescribeStacks), unless both are given explicitly.</summary>
    public async Task<StackResources> StackAsync(CancellationToken cancellationToken)
    {
        if (_stack is not null)
        {
            return _stack;
        }

        if (StateMachineOverride is { } machine && LockTableOverride is { } table)
        {
            return _stack = new StackResources(StackName, machine, table);
        }

        var stack = await Aws.CloudFormation.DescribeStackAsync(StackName, cancellationToken)
            ?? throw new OperatorError(
                "StackNotFound",
                $"No CloudFormation stack {StackName} in {Aws.Region}.",
                $"Pass --stack with the name given to sam deploy (or set {OperatorOptions.StackVariable}), and --region where it is deployed.");
        string Output(string key, string? explicitValue) =>
            explicitValue
            ?? (stack.Outputs.TryGetValue(key, out var value) && value.Length > 0 ? value : null)
            ?? throw new OperatorError(
                "StackOutputMissing",
                $"Stack {StackName} ({stack.Status}) has no output {key}.",
                "Is it a BlueGreen stack? Deploy serverless.template (sam deploy), or pass --state-machine and --lock-table.");
        return _stack = new StackResources(StackName, Output(StateMachineOutput, StateMachineOverride), Output(LockTableOutput, LockTableOverride));
    }

    /// <summary>The options a printed command needs to reach the same stack (empty for the default one).</summary>
    public string StackArguments() =>
        StackName == OperatorOptions.DefaultStack ? "" : $" --stack {StackName}";

    public Task WriteJsonAsync(JsonNode document) => Out.WriteLineAsync(document.ToJsonString(Indented));

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }
}
