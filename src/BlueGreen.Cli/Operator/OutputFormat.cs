namespace BlueGreen.Cli.Operator;

/// <summary><c>--output</c>: words for people, or one JSON document (documented in docs/cli.md) for scripts.</summary>
internal enum OutputFormat
{
    Text,
    Json,
}
