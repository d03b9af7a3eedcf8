using System.Diagnostics;
using BlueGreen.Local.Moto;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>
/// A second, plain moto_server that checks SigV4 signatures against its IAM users. It lets the
/// first <see cref="UnauthenticatedCalls"/> calls through unchecked (moto has no built-in keys, so
/// an identity must be created first); every later call must be signed with that identity's keys.
/// </summary>
public sealed class AuthenticatingMoto : IAsyncLifetime
{
    public const int UnauthenticatedCalls = 3;

    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public string AccessKeyId { get; private set; } = "";

    public string SecretAccessKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = MotoServer.FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("BLUEGREEN_PYTHON") ?? "python3")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = UnauthenticatedCalls.ToString();
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilAnsweringAsync();
        await CreateIdentityAsync();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("moto_server with authentication did not start");
    }

    /// <summary>The unauthenticated calls: a user allowed everything, and its access key.</summary>
    private async Task CreateIdentityAsync()
    {
        using var raw = new RawAws(Endpoint);
        const string version = "2010-05-08";
        await raw.QueryAsync("iam", "CreateUser", version, ("UserName", "deployer"));
        await raw.QueryAsync("iam", "PutUserPolicy", version, ("UserName", "deployer"), ("PolicyName", "all"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        var key = await raw.QueryAsync("iam", "CreateAccessKey", version, ("UserName", "deployer"));
        AccessKeyId = key.Descendants().First(e => e.Name.LocalName == "AccessKeyId").Value;
        SecretAccessKey = key.Descendants().First(e => e.Name.LocalName == "SecretAccessKey").Value;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
