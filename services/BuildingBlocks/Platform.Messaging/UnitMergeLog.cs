using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;

namespace Platform.Messaging;

/// <summary>The merges a service was told of (<see cref="UnitMergeRecord"/>), written and read.</summary>
public static class UnitMergeLog
{
    /// <summary>Records the merge the event announces; false when it was recorded before (a replay).</summary>
    public static async Task<bool> RecordMergeAsync(
        this DbContext db, UnitChanged message, CancellationToken cancellationToken)
    {
        var into = message.MergedIntoId ?? throw new ArgumentException("not a merge", nameof(message));
        if (await db.Set<UnitMergeRecord>().AnyAsync(m => m.UnitId == message.UnitId, cancellationToken))
        {
            return false;
        }

        db.Set<UnitMergeRecord>().Add(new UnitMergeRecord
        {
            UnitId = message.UnitId, TenantId = message.TenantId, IntoId = into,
            IntoName = message.MergedIntoName ?? string.Empty,
            MergedAt = message.OccurredAt,
        });
        return true;
    }

    /// <summary>The merges known for a district (a few at most: units merge rarely).</summary>
    public static async Task<UnitMerges> UnitMergesAsync(
        this DbContext db, string tenantId, CancellationToken cancellationToken) =>
        new(await db.Set<UnitMergeRecord>().AsNoTracking().Where(m => m.TenantId == tenantId)
            .ToDictionaryAsync(m => m.UnitId, m => (m.IntoId, m.IntoName), cancellationToken));
}
