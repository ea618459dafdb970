using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class PublicTaskStatusConfiguration : IEntityTypeConfiguration<PublicTaskStatus>
{
    public void Configure(EntityTypeBuilder<PublicTaskStatus> builder)
    {
        builder.ToTable("public_task_statuses");
        builder.HasKey(s => new { s.TenantId, s.TaskId });
    }
}
