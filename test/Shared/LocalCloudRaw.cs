using System.Runtime.CompilerServices;
using BlueGreen.Local;

namespace BlueGreen.Testing;

/// <summary>A local cloud's <see cref="RawAws"/>, through its gateway (so the calls are counted,
/// faulted and, in strict wire mode, checked), one per cloud.</summary>
internal static class LocalCloudRaw
{
    private static readonly ConditionalWeakTable<LocalCloud, RawAws> Raws = [];

    extension(LocalCloud cloud)
    {
        public RawAws Raw => Raws.GetValue(cloud, c => new RawAws(c.Endpoint, c.Options.Region));
    }
}
