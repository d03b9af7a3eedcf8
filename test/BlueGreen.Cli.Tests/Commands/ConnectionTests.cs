using System.Net;
using System.Net.Sockets;
using BlueGreen.Local;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// How the operator commands reach AWS: the stack's outputs, the credential chain (keys, assume-role,
/// SSO) and what a user sees when any of it is missing: one line, an exit code, never a stack trace.
/// </summary>
[Collection(OperatorCloud.Collection)]
public sealed class ConnectionTests(OperatorCloud fixture) : IDisposable
{
    private readonly LocalCloud _cloud = fixture.Cloud;
    private readonly string _home = Directory.CreateTempSubdirectory("bluegreen-cli-").FullName;

    [Fact]
    public async Task Deploy_NoCredentialsAnywhere_ExitThreeOneLineNoStackTrace()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_cloud, WithoutCredentials(), "deploy", "shop", "--image", "ami-0123456789abcdef0");

        Assert.Equal(3, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("NoCredentials: ", line);
        Assert.Contains("aws configure", line);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("watch some-execution")]
    [InlineData("deploy shop --image ami-0123456789abcdef0")]
    [InlineData("abort some-execution --output json")]
    [InlineData("approve some-execution")]
    public async Task Command_EndpointNobodyListensOn_ExitThreeAwsUnreachable(string command)
    {
        var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{ClosedPort()}" };

        var (exit, _, error) = await CliProcess.RunAsync(_cloud, environment, command.Split(' '));

        Assert.Equal(3, exit);
        Assert.StartsWith("AwsUnreachable: ", Assert.Single(error.TrimEnd().Split('\n')));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Abort_UnknownStack_ExitTwoStackNotFoundNamingStackAndRegion()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_cloud, "abort", "some-execution", "--stack", "no-such-stack");

        Assert.Equal(2, exit);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"StackNotFound: No CloudFormation stack no-such-stack in {_cloud.Options.Region}.", line);
        Assert.Contains("--stack", line[20..]);
    }

    [Fact]
    public async Task Deploy_AssumeRoleProfile_RunsWithTheRolesCredentials()
    {
        var sample = await fixture.SeedAsync();
        var environment = WithoutCredentials();
        File.WriteAllText(environment["AWS_CONFIG_FILE"]!, $"""
            [profile base]
            region = {_cloud.Options.Region}
            [profile deployer]
            role_arn = arn:aws:iam::{LocalCloudOptions.AccountId}:role/bluegreen-operator
            source_profile = base
            role_session_name = cli-test
            region = {_cloud.Options.Region}
            """);
        File.WriteAllText(environment["AWS_SHARED_CREDENTIALS_FILE"]!, """
            [base]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            """);
        var assumed = _cloud.Calls.Count("sts", "AssumeRole");

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, environment, "deploy", sample.Application, "--image", sample.NewImageId, "--dry-run", "--profile", "deployer");

        Assert.True(exit == 0, error + output);
        Assert.Contains("✓ Dry run planned", output);
        Assert.True(_cloud.Calls.Count("sts", "AssumeRole") > assumed, "the role was not assumed");
    }

    [Fact]
    public async Task Watch_SsoProfileNotLoggedIn_ExitThreeWithTheLoginCommand()
    {
        var environment = WithoutCredentials();
        File.WriteAllText(environment["AWS_CONFIG_FILE"]!, """
            [profile operator]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 123456789012
            sso_role_name = Operator
            region = us-east-1
            """);

        var (exit, _, error) = await CliProcess.RunAsync(_cloud, environment, "watch", "some-execution", "--profile", "operator");

        Assert.Equal(3, exit);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("SsoLoginRequired: ", line);
        Assert.Contains("aws sso login --profile operator", line);
    }

    [Fact]
    public async Task Watch_SsoProfileWithExpiredToken_ExitThreeWithTheLoginCommand()
    {
        const string startUrl = "https://example.awsapps.com/start";
        var environment = WithoutCredentials();
        File.WriteAllText(environment["AWS_CONFIG_FILE"]!, $$"""
            [profile operator]
            sso_start_url = {{startUrl}}
            sso_region = us-east-1
            sso_account_id = 123456789012
            sso_role_name = Operator
            region = us-east-1
            """);
        // What `aws sso login` leaves behind, a day after it expired: ~/.aws/sso/cache/<sha1 of the start URL>.json.
        var cache = Directory.CreateDirectory(Path.Combine(_home, ".aws", "sso", "cache")).FullName;
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(startUrl)));
        File.WriteAllText(Path.Combine(cache, key + ".json"),
            $$"""{ "startUrl": "{{startUrl}}", "region": "us-east-1", "accessToken": "expired", "expiresAt": "2020-01-01T00:00:00Z" }""");

        var (exit, _, error) = await CliProcess.RunAsync(_cloud, environment, "watch", "some-execution", "--profile", "operator");

        Assert.Equal(3, exit);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("SsoLoginRequired: ", line);
        Assert.Contains("aws sso login --profile operator", line);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    /// <summary>No keys in the environment, empty AWS files in a temporary home, no instance metadata.</summary>
    private Dictionary<string, string?> WithoutCredentials()
    {
        var config = Path.Combine(_home, "config");
        var credentials = Path.Combine(_home, "credentials");
        File.WriteAllText(config, "");
        File.WriteAllText(credentials, "");
        return new()
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["HOME"] = _home,
        };
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
