using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ViewStampConfiguration : IEntityTypeConfiguration<ViewStamp>
{
    public void Configure(EntityTypeBuilder<ViewStamp> builder)
    {
        builder.ToTable("view_stamps");
        builder.HasKey(s => new { s.TenantId, s.Period });
        builder.Property(s => s.Period).HasMaxLength(7);
    }
}
