using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MultiTenancy;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class CarryOverCandidateConfiguration : IEntityTypeConfiguration<CarryOverCandidate>
{
    public void Configure(EntityTypeBuilder<CarryOverCandidate> builder)
    {
        builder.ToTable("carry_over_candidates");
        builder.HasKey(c => c.FromTaskId);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.Category).HasMaxLength(500);
        builder.Property(c => c.Outcome).HasMaxLength(16);
        builder.Property(c => c.LeadUnits).HasJsonbConversion();
        builder.Property(c => c.ResponsibleUnits).HasJsonbConversion();
        builder.HasIndex(c => new { c.TenantId, c.FromYear });
    }
}
