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
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Lazy<AwsClients> _aws;
    private StackResources? _stack;

    private OperatorSession(Func<AwsClients> aws, string stackName, OutputFormat output, TextWriter @out, TextWriter error, TimeProvider time)
    {
        _aws = new(aws);
        StackName = stackName;
        Output = output;
        Out = @out;
        Error = error;
        Time = time;
    }

    public AwsClients Aws => _aws.Value;

    public string StackName { get; }

    public OutputFormat Output { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; }

    public static OperatorSession Open(ParseResult result, OperatorOptions options, TextWriter @out, TextWriter error)
    {
        var profile = result.GetValue(options.Profile);
        var region = result.GetValue(options.Region);
        return new OperatorSession(
            () => new AwsClients(Settings(profile, region)),
            result.GetValue(options.Stack)!,
            result.GetValue(options.Output),
            @out,
            error,
            TimeProvider.System);
    }

    /// <summary>The stack's state machine and lock table, read once from its outputs.</summary>
    public async Task<StackResources> StackAsync(CancellationToken cancellationToken)
    {
        // TODO(issue 11): read the outputs with CloudFormation DescribeStacks.
        if (_stack is null)
        {
            var machines = await Aws.StepFunctions.ListStateMachinesAsync(cancellationToken);
            var name = StackName == OperatorOptions.DefaultStack ? "BlueGreenDeployment" : $"{StackName}-BlueGreenDeployment";
            var machine = machines.FirstOrDefault(m => m.Name == name)
                ?? throw new OperatorError("StackNotFound", $"No state machine {name} of stack {StackName}.", "Pass --stack with the name given to sam deploy.");
            _stack = new StackResources(StackName, machine.Arn, $"{StackName}-locks");
        }

        return _stack;
    }

    public Task WriteJsonAsync(JsonNode document) => Out.WriteLineAsync(document.ToJsonString(Indented));

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }

    private static AwsSettings Settings(string? profile, string? region)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        if (region is not null)
        {
            variables["AWS_REGION"] = region;
        }

        if (profile is not null)
        {
            // As in the AWS CLI, a profile named on the command line wins over keys in the environment.
            Environment.SetEnvironmentVariable("AWS_PROFILE", profile);
            variables.Remove("AWS_ACCESS_KEY_ID");
            variables.Remove("AWS_SECRET_ACCESS_KEY");
            variables.Remove("AWS_SESSION_TOKEN");
        }

        return AwsSettings.FromVariables(
            variables,
            () => Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint()
                ?? throw new OperatorError("NoRegion", "No AWS region configured.", "Pass --region, set AWS_REGION, or set region in the profile.", ExitCodes.Unreachable),
            () => Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
    }
}
