using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>
/// botocore's service models (the ones moto ships with), read lazily from botocore's data directory,
/// which is found once through python3, and kept for the life of the process.
/// </summary>
internal static class BotocoreModels
{
    private static readonly Lazy<string?> DataDirectory = new(FindDataDirectory);
    private static readonly ConcurrentDictionary<string, Lazy<ServiceModel?>> Models = new();

    /// <summary>The model of a botocore service name (e.g. "elbv2"); null when botocore or the service is missing.</summary>
    public static ServiceModel? Get(string botocoreName) =>
        Models.GetOrAdd(botocoreName, name => new Lazy<ServiceModel?>(() => Load(name))).Value;

    /// <summary>Where botocore's data lives; null when python3 or botocore is missing.</summary>
    public static string? Directory => DataDirectory.Value;

    private static ServiceModel? Load(string name)
    {
        if (Directory is not { } data || !System.IO.Directory.Exists(Path.Combine(data, name)))
        {
            return null;
        }

        var version = System.IO.Directory.GetDirectories(Path.Combine(data, name)).Order(StringComparer.Ordinal).Last();
        var plain = Path.Combine(version, "service-2.json");
        using Stream stream = File.Exists(plain)
            ? File.OpenRead(plain)
            : new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        return new ServiceModel(name, JsonNode.Parse(stream)!.AsObject());
    }

    private static string? FindDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("BLUEGREEN_BOTOCORE_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("BLUEGREEN_PYTHON") ?? "python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && System.IO.Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
