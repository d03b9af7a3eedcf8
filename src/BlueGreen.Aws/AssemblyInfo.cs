using System.Runtime.CompilerServices;

// Endpoint resolution is internal plumbing but worth testing directly.
[assembly: InternalsVisibleTo("BlueGreen.Aws.Tests")]
