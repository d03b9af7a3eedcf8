using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using BlueGreen.Aws;

namespace BlueGreen.Cli.Operator;

/// <summary>
/// Region and credentials as the AWS CLI finds them: <c>--profile</c>/<c>--region</c>, then the
/// standard variables, then the profile in ~/.aws (keys, <c>role_arn</c> + <c>source_profile</c>,
/// <c>credential_process</c>, SSO after <c>aws sso login</c>), then container and instance metadata.
/// AWSSDK.Core finds assume-role and SSO support by loading AWSSDK.SecurityToken, AWSSDK.SSO and
/// AWSSDK.SSOOIDC by name, so the CLI ships them.
/// </summary>
internal static class OperatorCredentials
{
    public static AwsSettings Settings(string? profile, string? region)
    {
        var variables = AwsSettings.EnvironmentVariables();
        if (region is not null)
        {
            variables["AWS_REGION"] = region;
        }

        if (profile is not null)
        {
            // As in the AWS CLI, a profile named on the command line wins over keys in the environment;
            // the SDK's chains (credentials, region) read the profile from AWS_PROFILE.
            Environment.SetEnvironmentVariable("AWS_PROFILE", profile);
            variables.Remove("AWS_ACCESS_KEY_ID");
            variables.Remove("AWS_SECRET_ACCESS_KEY");
            variables.Remove("AWS_SESSION_TOKEN");
        }

        var named = profile ?? (variables.GetValueOrDefault("AWS_PROFILE") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        try
        {
            return AwsSettings.FromVariables(
                variables,
                () => Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint()
                    ?? throw new OperatorError("NoRegion", "No AWS region configured.", "Pass --region, set AWS_REGION, or set region in the profile.", ExitCodes.Unreachable),
                () => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
        }
        catch (Exception exception) when (Classify(exception, named) is { } known)
        {
            throw known;
        }
    }

    /// <summary>A credential problem in one line with what to run; null when it is not one.
    /// Assume-role and SSO credentials are fetched on first use, so requests fail with these too.</summary>
    public static OperatorError? Classify(Exception exception, string? profile)
    {
        var message = Messages(exception);
        var loginHint = profile is null ? "aws sso login --profile <profile>" : $"aws sso login --profile {profile}";
        if (message.Contains("SSO", StringComparison.Ordinal)
            && (message.Contains("not allowed here", StringComparison.Ordinal) || message.Contains("expired", StringComparison.OrdinalIgnoreCase)
                || message.Contains("token", StringComparison.OrdinalIgnoreCase)))
        {
            return new OperatorError("SsoLoginRequired", $"The SSO session of profile {profile ?? "(default)"} is missing or expired.", $"Run {loginHint}, then try again.", ExitCodes.Unreachable, exception);
        }

        if (exception is Amazon.Runtime.CredentialManagement.ProfileNotFoundException)
        {
            return new OperatorError("ProfileNotFound", $"No profile {profile} in the AWS config or credentials file.", $"Check the name (aws configure list-profiles), or create it with aws configure --profile {profile}.", ExitCodes.Unreachable, exception);
        }

        if (exception is AmazonClientException && message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
        {
            var which = profile is null ? "No AWS credentials found (environment, ~/.aws profiles, instance metadata)." : $"No usable credentials for profile {profile}: {FirstSentence(exception.Message)}";
            return new OperatorError("NoCredentials", which, "Run aws configure or aws sso login, or pass --profile.", ExitCodes.Unreachable, exception);
        }

        if (exception is AmazonServiceException service && exception.GetType().Namespace?.StartsWith("Amazon.SecurityToken", StringComparison.Ordinal) == true)
        {
            return new OperatorError("AssumeRoleFailed", $"STS refused the role of profile {profile ?? "(default)"}: {service.ErrorCode}: {service.Message}", "Check role_arn, source_profile and the role's trust policy.", ExitCodes.Unreachable, exception);
        }

        return null;
    }

    private static string Messages(Exception exception)
    {
        var all = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            all.Add(current.Message);
        }

        return string.Join(" | ", all);
    }

    /// <summary>The SDK's message on one line (it lists each provider's error on its own line).</summary>
    private static string FirstSentence(string message)
    {
        var line = string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
