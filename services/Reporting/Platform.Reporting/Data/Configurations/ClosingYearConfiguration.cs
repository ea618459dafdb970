using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ClosingYearConfiguration : IEntityTypeConfiguration<ClosingYear>
{
    public void Configure(EntityTypeBuilder<ClosingYear> builder)
    {
        builder.ToTable("closing_years");
        builder.HasKey(y => new { y.TenantId, y.Year });
        builder.Property(y => y.Version).IsConcurrencyToken();
    }
}
