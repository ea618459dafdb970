using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(UnitNames.MaxLength);
        builder.Property(u => u.NormalizedName).HasMaxLength(UnitNames.MaxLength);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.TenantId, u.NormalizedName }).IsUnique();
        builder.HasMany(u => u.Aliases).WithOne().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Aliases).HasField("aliases").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
