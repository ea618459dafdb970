using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class UnitAliasConfiguration : IEntityTypeConfiguration<UnitAlias>
{
    public void Configure(EntityTypeBuilder<UnitAlias> builder)
    {
        builder.ToTable("unit_aliases");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Alias).HasMaxLength(UnitNames.MaxLength);
        builder.Property(a => a.NormalizedAlias).HasMaxLength(UnitNames.MaxLength);
        builder.HasIndex(a => new { a.TenantId, a.NormalizedAlias }).IsUnique();
    }
}
