using Platform.Notifications.Domain;

namespace Platform.Notifications.Rules;

/// <summary>
/// Without a reporting address (a test host, a one-service setup) the ladder trusts its own versioned copy.
/// </summary>
public sealed class OwnStateConfirmation : IOwedConfirmation
{
    public Task<IReadOnlySet<long>?> StillOwedAsync(
        string tenant,
        IReadOnlyList<OwedReport> items,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>?>(items.Select(o => o.Id).ToHashSet());
}
