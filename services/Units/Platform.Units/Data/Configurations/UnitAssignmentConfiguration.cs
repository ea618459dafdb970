using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class UnitAssignmentConfiguration : IEntityTypeConfiguration<UnitAssignment>
{
    public void Configure(EntityTypeBuilder<UnitAssignment> builder)
    {
        builder.ToTable("unit_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Number).HasMaxLength(32);
        builder.Property(a => a.Text).HasMaxLength(UnitAssignment.MaxTextLength);
        builder.HasIndex(a => new { a.TenantId, a.Year });
        builder.HasIndex(a => new { a.UnitId, a.Year });
    }
}
