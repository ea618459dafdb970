using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data.Configurations;

internal sealed class ReportStateConfiguration : IEntityTypeConfiguration<ReportState>
{
    public void Configure(EntityTypeBuilder<ReportState> builder)
    {
        builder.ToTable("report_states");
        builder.HasKey(r => new { r.TaskId, r.Period, r.LeadUnitId });
        builder.Property(r => r.TenantId).HasMaxLength(16);
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        // Two events of one report applied at once (they come on different queues): the second to commit fails
        // and is retried against the first's result instead of overwriting it.
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
