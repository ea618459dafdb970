using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.ToTable("periods");
        builder.HasKey(p => p.Id);
        builder.Ignore(p => p.Key);
        builder.HasIndex(p => new { p.TaskListId, p.Year, p.Month }).IsUnique();
    }
}
