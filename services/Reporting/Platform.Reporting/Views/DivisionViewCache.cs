using Microsoft.Extensions.Caching.Memory;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The comparison views this host built, each kept under the stamp its division's month had (<see
/// cref="Domain.ViewStamp"/>, plus, below a 直辖市 or a prefecture, how many districts were registered there): a view
/// asked again while the stamp is unchanged is the same view, so it is one small read instead of a rebuild. The roll-up
/// pass moves the stamp after every recount of the division's month, so a view is never older than the roll-ups it
/// shows — within one roll-up tick of the districts' counts, like the divisions' roll-ups themselves. Bounded
/// (<see cref="MaxViews"/> views, the least recently used dropped first); each host keeps its own.
/// </summary>
public sealed class DivisionViewCache : IDisposable
{
    public const int MaxViews = 256;

    private readonly MemoryCache views = new(new MemoryCacheOptions { SizeLimit = MaxViews });

    /// <summary>The view built under <paramref name="stamp"/>, or null.</summary>
    public V1.MunicipalView? Find(string division, string period, (long Version, long Districts) stamp) =>
        views.TryGetValue((division, period), out Entry? entry) && entry!.Stamp == stamp ? entry.View.Clone() : null;

    public void Keep(string division, string period, (long Version, long Districts) stamp, V1.MunicipalView view) =>
        views.Set((division, period), new Entry(stamp, view.Clone()), new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => views.Dispose();

    private sealed record Entry((long Version, long Districts) Stamp, V1.MunicipalView View);
}
