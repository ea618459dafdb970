using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MultiTenancy;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Data.Configurations;

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> builder)
    {
        builder.ToTable("assessment_results");
        builder.HasKey(r => new { r.TenantId, r.Year, r.UnitId });
        builder.Property(r => r.Score).HasPrecision(8, 2);
        builder.Property(r => r.Reasons).HasJsonbConversion();
    }
}
