using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(6);
        builder.Property(t => t.Name).HasMaxLength(TenantRecord.MaxNameLength);
        builder.Property(t => t.ParentId).HasMaxLength(6);
        builder.Property(t => t.Level).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => t.ParentId);
    }
}
