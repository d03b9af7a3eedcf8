using System.CommandLine;

namespace BlueGreen.Cli.Operator;

/// <summary>The options every operator command takes, named as the AWS CLI names them.</summary>
internal sealed class OperatorOptions
{
    public const string StackVariable = "BLUEGREEN_STACK";

    public const string DefaultStack = "bluegreen";

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The named profile of ~/.aws/config and ~/.aws/credentials (keys, assume-role, SSO). Default: AWS_PROFILE, else the default chain.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The AWS region. Default: AWS_REGION, else the profile's region.",
    };

    public Option<string> Stack { get; } = new("--stack")
    {
        Description = $"The BlueGreen stack (the name given to sam deploy); its outputs name the state machine and lock table. Default: ${StackVariable}, else {DefaultStack}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StackVariable) is { Length: > 0 } stack ? stack : DefaultStack,
    };

    public Option<OutputFormat> Output { get; } = new("--output")
    {
        Description = "text (default) for people, json for scripts (shapes in docs/cli.md).",
        HelpName = "text|json",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    /// <summary>Adds the options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Region);
        command.Options.Add(Stack);
        command.Options.Add(Output);
        return command;
    }
}
