using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

/// <summary>
/// The columns and indexes every audit table shares; the derived configuration names the table and subject.
/// </summary>
internal abstract class AuditEntryConfiguration<TEntry>(string table, Expression<Func<TEntry, object?>> subject)
    : IEntityTypeConfiguration<TEntry>
    where TEntry : AuditEntry
{
    public void Configure(EntityTypeBuilder<TEntry> builder)
    {
        builder.ToTable(table);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Actor).HasMaxLength(128);
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.HasIndex(subject);
    }
}
