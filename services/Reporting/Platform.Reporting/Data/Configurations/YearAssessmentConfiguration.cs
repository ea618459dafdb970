using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Data.Configurations;

internal sealed class YearAssessmentConfiguration : IEntityTypeConfiguration<YearAssessment>
{
    public void Configure(EntityTypeBuilder<YearAssessment> builder)
    {
        builder.ToTable("year_assessments");
        builder.HasKey(y => new { y.TenantId, y.Year });
        builder.Property(y => y.Version).IsConcurrencyToken();
    }
}
