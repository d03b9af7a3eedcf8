using Spectre.Console;
using Spectre.Console.Rendering;

namespace BlueGreen.Cli.Watching;

/// <summary>
/// The terminal's view: one panel redrawn in place (state and time in it, green's counts, the
/// split as a bar, the approval commands) above the last few changes in words.
/// </summary>
internal sealed class LiveWatchView : IWatchView
{
    private const int NotesShown = 8;

    private readonly List<string> _notes = [];
    private readonly LiveDisplayContext _context;
    private WatchSnapshot? _last;

    private LiveWatchView(LiveDisplayContext context) => _context = context;

    /// <summary>Whether stdout is a terminal that can be redrawn (not a pipe, a file or TERM=dumb).</summary>
    public static bool Available(TextWriter output) =>
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("TERM") is not "dumb"
        && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="watch"/> with a live view on the console; the last picture stays on screen.</summary>
    public static Task<T> RunAsync<T>(Func<IWatchView, Task<T>> watch) =>
        AnsiConsole.Live(new Text("starting…"))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(context => watch(new LiveWatchView(context)));

    public void Note(DateTimeOffset at, TimeSpan elapsed, string text)
    {
        _notes.Add($"{DeploymentEnding.Duration(elapsed),7}  {text}");
        if (_notes.Count > NotesShown)
        {
            _notes.RemoveAt(0);
        }

        Draw();
    }

    public void Show(WatchSnapshot snapshot)
    {
        _last = snapshot;
        Draw();
    }

    private void Draw()
    {
        var rows = new List<IRenderable>();
        if (_last is { } s)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("[grey]deployment[/]", Markup.Escape($"{s.Application ?? "?"}  {s.ImageId ?? ""}  ({s.ExecutionName})"));
            grid.AddRow("[grey]state[/]", $"[bold]{Markup.Escape(s.State ?? "starting")}[/] for {DeploymentEnding.Duration(s.InState)}  [grey](elapsed {DeploymentEnding.Duration(s.Elapsed)})[/]");
            if (s.Green is { } green)
            {
                grid.AddRow("[grey]green[/]", Markup.Escape($"{green.GroupName}: {green.InService}/{green.Desired} in service, {green.Healthy}/{green.Desired} healthy"));
            }

            if (s.Traffic is { } split)
            {
                var bar = new BreakdownChart().Width(40).HideTags()
                    .AddItem("green", split.GreenPercent, Color.Green)
                    .AddItem("blue", split.BluePercent, Color.Blue);
                grid.AddRow(new Markup("[grey]traffic[/]"), new Rows(bar, new Text($"green {split.GreenPercent}% / blue {split.BluePercent}%")));
            }

            if (s.ApprovalCommands is { } commands)
            {
                grid.AddRow("[yellow]approval[/]", Markup.Escape(string.Join("\n", commands)));
            }

            rows.Add(new Panel(grid).Header("bluegreen watch").Expand());
        }

        rows.AddRange(_notes.Select(n => new Text(n)));
        _context.UpdateTarget(new Rows(rows));
        _context.Refresh();
    }
}
