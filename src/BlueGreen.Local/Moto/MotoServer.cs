using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BlueGreen.Local.Moto;

/// <summary>
/// moto_server started as a child process through our launcher (Moto/launcher.py), which applies
/// the workarounds for moto 5.2.1's Step Functions engine. Disposing it stops the process tree.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string InstallCommand = "pip install 'moto[server]==5.2.1'";

    /// <summary>The launcher workaround that puts Step Functions status-change events on the bus.</summary>
    public const string ExecutionStatusEvents = "execution-status-events";

    /// <summary>The launcher workaround that puts EC2 AMI state changes on the bus.</summary>
    public const string AmiStateEvents = "ami-state-events";

    private readonly Process _process;

    private MotoServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The moto_server process itself (not a pyenv shim).</summary>
    public int ProcessId => _process.Id;

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <param name="lambdaPort">Where moto's Step Functions engine sends Lambda invokes and
    /// aws-sdk calls (the gateway); the moto port itself when there is no gateway.</param>
    public static async Task<MotoServer> StartAsync(MotoServerOptions options, CancellationToken cancellationToken = default)
    {
        var python = await ResolvePythonAsync(cancellationToken);
        var port = options.Port == 0 ? FreePort() : options.Port;
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Moto", "launcher.py"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString());
        start.ArgumentList.Add("--lambda-port");
        start.ArgumentList.Add((options.LambdaPort ?? port).ToString());
        start.ArgumentList.Add("--time-scale");
        start.ArgumentList.Add(options.TimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var name in options.WithoutWorkarounds)
        {
            start.ArgumentList.Add("--without");
            start.ArgumentList.Add(name);
        }

        var process = Process.Start(start) ?? throw new MotoUnavailable($"could not start {python}");
        var log = new ProcessLog(process);
        var server = new MotoServer(process, port);
        try
        {
            await server.WaitUntilAnsweringAsync(log, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(ProcessLog log, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new MotoUnavailable($"moto_server exited with code {_process.ExitCode}: {log.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"), cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new MotoUnavailable($"moto_server did not answer on port {Port} within 60 s: {log.Tail()}");
    }

    private static async Task<string> ResolvePythonAsync(CancellationToken cancellationToken)
    {
        // pyenv's python3 is a shim that runs the interpreter as a child: ask for the real one,
        // so the process we stop is moto itself and nothing is left behind.
        var candidate = Environment.GetEnvironmentVariable("BLUEGREEN_PYTHON") ?? "python3";
        var probe = new ProcessStartInfo(candidate)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        probe.ArgumentList.Add("-c");
        probe.ArgumentList.Add("import sys, moto.server; assert moto.__version__.startswith('5.'), moto.__version__; print(sys.executable)");
        try
        {
            using var process = Process.Start(probe)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode == 0)
            {
                return output.Trim();
            }

            throw new MotoUnavailable($"{candidate} cannot import moto 5 ({LastLine(error)}); install it with: {InstallCommand}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new MotoUnavailable($"{candidate} not found; install Python 3 and then: {InstallCommand}");
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "no output";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Keeps the last lines moto printed, for the error when it fails to start.</summary>
    private sealed class ProcessLog
    {
        private readonly Queue<string> _lines = new();

        public ProcessLog(Process process)
        {
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        private void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 20)
                {
                    _lines.Dequeue();
                }
            }
        }

        public string Tail()
        {
            lock (_lines)
            {
                return string.Join(" | ", _lines);
            }
        }
    }
}
