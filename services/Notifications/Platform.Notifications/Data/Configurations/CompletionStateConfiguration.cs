using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data.Configurations;

internal sealed class CompletionStateConfiguration : IEntityTypeConfiguration<CompletionState>
{
    public void Configure(EntityTypeBuilder<CompletionState> builder)
    {
        builder.ToTable("completion_states");
        builder.HasKey(c => new { c.TaskId, c.Year, c.LeadUnitId });
        builder.Property(c => c.TenantId).HasMaxLength(16);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        // Two events of one report committing at once: the second fails and is retried against the first's result.
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
