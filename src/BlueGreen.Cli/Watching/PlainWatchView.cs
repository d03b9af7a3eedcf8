using System.Globalization;

namespace BlueGreen.Cli.Watching;

/// <summary>Timestamped lines, one per change: what a pipeline log or a test reads.</summary>
/// <param name="label">Put before every line (the demo's "[first] " and "[second] ").</param>
internal sealed class PlainWatchView(TextWriter output, string label = "") : IWatchView
{
    public void Note(DateTimeOffset at, TimeSpan elapsed, string text)
    {
        var prefix = $"{label}{at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {DeploymentEnding.Duration(elapsed),7}  ";
        var lines = text.Split('\n');
        output.WriteLine(prefix + lines[0]);
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(new string(' ', prefix.Length) + line);
        }

        output.Flush();
    }

    public void Show(WatchSnapshot snapshot)
    {
    }
}
