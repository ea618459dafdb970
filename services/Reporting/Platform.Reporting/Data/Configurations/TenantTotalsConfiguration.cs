using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

/// <summary>
/// Written by PostgreSQL (a trigger on task_lights, migration DivisionTotals) and by the roll-up, never by EF.
/// </summary>
internal sealed class TenantTotalsConfiguration : IEntityTypeConfiguration<TenantTotals>
{
    public void Configure(EntityTypeBuilder<TenantTotals> builder)
    {
        builder.ToTable("tenant_totals");
        builder.HasKey(t => new { t.TenantId, t.Period, t.Dimension, t.Key });
        builder.Property(t => t.Period).HasMaxLength(7);
        builder.Property(t => t.Dimension).HasMaxLength(16);
        builder.HasIndex(t => t.Stale).HasFilter("\"Stale\"");
    }
}
