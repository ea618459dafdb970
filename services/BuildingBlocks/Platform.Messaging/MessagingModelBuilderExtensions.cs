using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// The outbox and inbox tables every service that publishes or consumes keeps in its own database.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.MessageType).HasMaxLength(512);
            b.Property(m => m.Body).HasColumnType("jsonb");
            b.Property(m => m.TenantId).HasMaxLength(16);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            b.HasIndex(m => m.CreatedAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_outbox_messages_pending");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.MessageId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(256);
            b.Property(m => m.TenantId).HasMaxLength(16);
            b.HasIndex(m => m.ProcessedAt);
        });
        return modelBuilder;
    }

    /// <summary>The table of <see cref="UnitMergeLog"/>.</summary>
    public static ModelBuilder AddUnitMerges(this ModelBuilder modelBuilder) =>
        modelBuilder.AddUnitRecords<UnitMergeRecord>("unit_merges", m => m.IntoName);

    /// <summary>The table of <see cref="UnitNameLog"/>.</summary>
    public static ModelBuilder AddUnitNames(this ModelBuilder modelBuilder) =>
        modelBuilder.AddUnitRecords<UnitNameRecord>("unit_names", u => u.Name);

    /// <summary>
    /// A table of <see cref="UnitRecord"/>s: one row per unit, with a unit's name in <paramref name="name"/>.
    /// </summary>
    private static ModelBuilder AddUnitRecords<TRecord>(
        this ModelBuilder modelBuilder, string table, Expression<Func<TRecord, string>> name)
        where TRecord : UnitRecord
    {
        modelBuilder.Entity<TRecord>(b =>
        {
            b.ToTable(table);
            b.HasKey(r => r.UnitId);
            b.Property(name).HasMaxLength(UnitRecord.NameLength);
        });
        return modelBuilder;
    }
}
