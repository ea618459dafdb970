using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Portal.Session;

/// <summary>
/// One refresh per refresh token in this process. The token endpoint rotates refresh tokens and treats a rotated one
/// presented again as stolen, ending every session of the account; two requests of the same person that find the access
/// token expired at the same moment (two tabs, a page and its event stream) must therefore share one refresh, not race.
/// A result is kept for a short while so a request that arrives just after still gets the new tokens.
/// </summary>
public sealed class RefreshCoordinator(TimeProvider time)
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (Lazy<Task<object?>> Refresh, DateTimeOffset Started)> recent =
        new(StringComparer.Ordinal);

    public async Task<T?> RefreshOnceAsync<T>(string refreshToken, Func<Task<T?>> refresh)
        where T : class
    {
        var now = time.GetUtcNow();
        foreach (var (key, old) in recent)
        {
            if (now - old.Started > Keep)
            {
                recent.TryRemove(key, out _);
            }
        }

        // Keyed by a digest: the dictionary never holds the token itself.
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var entry = recent.GetOrAdd(digest, _ => (new Lazy<Task<object?>>(async () => await refresh()), now));
        try
        {
            return (T?)await entry.Refresh.Value;
        }
        catch
        {
            // A failed refresh (e.g. the gateway unreachable) may be tried again by the next request.
            recent.TryRemove(new KeyValuePair<string, (Lazy<Task<object?>>, DateTimeOffset)>(digest, entry));
            throw;
        }
    }
}
