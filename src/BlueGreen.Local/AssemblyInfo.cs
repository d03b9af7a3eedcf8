using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("BlueGreen.Local.Tests")]
