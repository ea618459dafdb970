using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MultiTenancy;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Data.Configurations;

internal sealed class AssessmentRuleSetConfiguration : IEntityTypeConfiguration<AssessmentRuleSet>
{
    public void Configure(EntityTypeBuilder<AssessmentRuleSet> builder)
    {
        builder.ToTable("assessment_rule_sets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Items).HasJsonbConversion();
        builder.Property(r => r.BaseScore).HasPrecision(8, 2);
        builder.Ignore(r => r.Rules);

        // Two offices applying at once cannot both make version N.
        builder.HasIndex(r => new { r.TenantId, r.Version }).IsUnique();
    }
}
