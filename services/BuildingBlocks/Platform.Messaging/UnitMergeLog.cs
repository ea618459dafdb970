using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.MultiTenancy;

namespace Platform.Messaging;

/// <summary>
/// A merge of two units a service was told of (<see cref="UnitChangeKind.Merged"/>), kept so that an event naming the
/// merged unit that arrives after the merge — a list published just before it, a backlog, a replay — is applied to the
/// unit that took it over. Each service that copies who leads a task keeps its own (table <c>unit_merges</c>).
/// </summary>
public sealed class UnitMergeRecord : ITenantEntity
{
    public Guid UnitId { get; set; }

    public required string TenantId { get; set; }

    public Guid IntoId { get; set; }

    public required string IntoName { get; set; }

    public DateTimeOffset MergedAt { get; set; }
}

public static class UnitMergeLog
{
    public static ModelBuilder AddUnitMerges(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UnitMergeRecord>(b =>
        {
            b.ToTable("unit_merges");
            b.HasKey(m => m.UnitId);
            b.Property(m => m.IntoName).HasMaxLength(200);
        });
        return modelBuilder;
    }

    /// <summary>Records the merge the event announces; false when it was recorded before (a replay).</summary>
    public static async Task<bool> RecordMergeAsync(this DbContext db, UnitChanged message, CancellationToken cancellationToken)
    {
        var into = message.MergedIntoId ?? throw new ArgumentException("not a merge", nameof(message));
        if (await db.Set<UnitMergeRecord>().AnyAsync(m => m.UnitId == message.UnitId, cancellationToken))
        {
            return false;
        }

        db.Set<UnitMergeRecord>().Add(new UnitMergeRecord
        {
            UnitId = message.UnitId, TenantId = message.TenantId, IntoId = into, IntoName = message.MergedIntoName ?? string.Empty,
            MergedAt = message.OccurredAt,
        });
        return true;
    }

    /// <summary>The merges known for a district (a few at most: units merge rarely).</summary>
    public static async Task<UnitMerges> UnitMergesAsync(this DbContext db, string tenantId, CancellationToken cancellationToken) =>
        new(await db.Set<UnitMergeRecord>().AsNoTracking().Where(m => m.TenantId == tenantId)
            .ToDictionaryAsync(m => m.UnitId, m => (m.IntoId, m.IntoName), cancellationToken));
}
