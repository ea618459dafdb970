using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ComparableTargetConfiguration : IEntityTypeConfiguration<ComparableTarget>
{
    public void Configure(EntityTypeBuilder<ComparableTarget> builder)
    {
        builder.ToTable("comparable_targets");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Year, c.Indicator });
        builder.HasIndex(c => c.TaskId);
        builder.Ignore(c => c.LowerIsBetter);
        builder.HasIndex(c => new { c.TenantId, c.Year }).HasFilter("\"Best\"");
    }
}
