namespace BlueGreen.Cli.Watching;

/// <summary>Where a watcher shows progress: a line per change (<see cref="PlainWatchView"/>, for
/// pipes and logs) or a redrawn picture (<see cref="LiveWatchView"/>, for a terminal).</summary>
internal interface IWatchView
{
    /// <summary>Something changed, in words (a state entered, a new split, an error).</summary>
    /// <param name="at">When it happened (the history event's time).</param>
    void Note(DateTimeOffset at, TimeSpan elapsed, string text);

    /// <summary>The current picture; called on every poll.</summary>
    void Show(WatchSnapshot snapshot);
}
