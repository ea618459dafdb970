using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class CompletionReportConfiguration : IEntityTypeConfiguration<CompletionReport>
{
    public void Configure(EntityTypeBuilder<CompletionReport> builder)
    {
        builder.ToTable("completion_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TaskId, r.Year, r.LeadUnitId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Year, r.Status });
    }
}
