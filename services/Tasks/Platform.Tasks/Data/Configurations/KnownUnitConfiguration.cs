using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class KnownUnitConfiguration : IEntityTypeConfiguration<KnownUnit>
{
    public void Configure(EntityTypeBuilder<KnownUnit> builder)
    {
        builder.ToTable("known_units");
        builder.HasKey(u => u.UnitId);
        builder.Property(u => u.Name).HasMaxLength(200);
    }
}
