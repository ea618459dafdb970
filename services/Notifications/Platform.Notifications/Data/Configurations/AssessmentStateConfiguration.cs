using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data.Configurations;

internal sealed class AssessmentStateConfiguration : IEntityTypeConfiguration<AssessmentState>
{
    public void Configure(EntityTypeBuilder<AssessmentState> builder)
    {
        builder.ToTable("assessment_states");
        builder.HasKey(a => new { a.TenantId, a.Year });
        builder.Property(a => a.TenantId).HasMaxLength(16);
        builder.Property(a => a.RuleVersion).IsConcurrencyToken();
        builder.Property(a => a.Final).IsConcurrencyToken();
    }
}
