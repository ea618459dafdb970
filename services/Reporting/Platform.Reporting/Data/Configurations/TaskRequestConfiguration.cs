using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class TaskRequestConfiguration : IEntityTypeConfiguration<TaskRequest>
{
    public void Configure(EntityTypeBuilder<TaskRequest> builder)
    {
        builder.ToTable("task_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasMaxLength(TaskRequest.MaxTextLength);
        // One pending request of each kind per task.
        builder.HasIndex(r => new { r.TaskId, r.Kind }).IsUnique().HasFilter("\"Status\" = 'Pending'");
        builder.HasIndex(r => new { r.TenantId, r.Status });
    }
}
