using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MultiTenancy;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Targets).HasJsonbConversion();
        builder.Ignore(t => t.Leads);
        builder.Ignore(t => t.Responsible);
        builder.HasMany(t => t.Units).WithOne().HasForeignKey(u => u.TaskItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Signatures).WithOne().HasForeignKey(s => s.TaskItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TaskListId, t.Number }).IsUnique();
    }
}
