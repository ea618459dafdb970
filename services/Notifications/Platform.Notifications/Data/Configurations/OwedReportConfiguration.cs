using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data.Configurations;

internal sealed class OwedReportConfiguration : IEntityTypeConfiguration<OwedReport>
{
    public void Configure(EntityTypeBuilder<OwedReport> builder)
    {
        builder.ToTable("owed_reports");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Period).HasMaxLength(7);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => new { o.TaskId, o.Period, o.LeadUnitId }).IsUnique();
        builder.HasIndex(o => new { o.DueOn, o.State, o.Active });
        builder.Property(o => o.ReportVersion).IsConcurrencyToken();
    }
}
