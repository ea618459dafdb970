using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ReportingSettingsConfiguration : IEntityTypeConfiguration<ReportingSettings>
{
    public void Configure(EntityTypeBuilder<ReportingSettings> builder)
    {
        builder.ToTable("reporting_settings");
        builder.HasKey(s => s.TenantId);
    }
}
