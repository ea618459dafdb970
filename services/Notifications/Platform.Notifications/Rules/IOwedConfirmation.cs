using Platform.Notifications.Domain;

namespace Platform.Notifications.Rules;

/// <summary>
/// Before the ladder chases reports it asks the authority which are still owed: a report handed in whose event has not
/// arrived yet (a backlog, an outage) must never be chased. <c>null</c> means the answer could not be had; the ladder
/// then sends nothing for that district and tries again on its next pass — a late 催办 is better than a false one.
/// </summary>
public interface IOwedConfirmation
{
    Task<IReadOnlySet<long>?> StillOwedAsync(
        string tenant,
        IReadOnlyList<OwedReport> items,
        CancellationToken cancellationToken);
}
