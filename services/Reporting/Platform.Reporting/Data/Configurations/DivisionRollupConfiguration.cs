using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class DivisionRollupConfiguration : IEntityTypeConfiguration<DivisionRollup>
{
    public void Configure(EntityTypeBuilder<DivisionRollup> builder)
    {
        builder.ToTable("division_rollups");
        builder.HasKey(r => new { r.TenantId, r.Period, r.Dimension, r.Key });
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.Dimension).HasMaxLength(16);
    }
}
