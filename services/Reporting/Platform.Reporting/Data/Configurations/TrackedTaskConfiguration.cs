using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MultiTenancy;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class TrackedTaskConfiguration : IEntityTypeConfiguration<TrackedTask>
{
    public void Configure(EntityTypeBuilder<TrackedTask> builder)
    {
        builder.ToTable("tracked_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Targets).HasJsonbConversion();
        builder.HasIndex(t => new { t.TenantId, t.Year, t.Active });
    }
}
