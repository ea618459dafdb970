using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Period).HasMaxLength(7);
        builder.Property(c => c.Text).HasMaxLength(Contribution.MaxTextLength);
        builder.HasIndex(c => new { c.TaskId, c.Period, c.UnitId }).IsUnique();
    }
}
