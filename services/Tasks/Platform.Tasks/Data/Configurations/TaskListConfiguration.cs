using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MultiTenancy;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class TaskListConfiguration : IEntityTypeConfiguration<TaskList>
{
    public void Configure(EntityTypeBuilder<TaskList> builder)
    {
        builder.ToTable("task_lists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.SourceFileName).HasMaxLength(260);
        builder.Property(l => l.SourceSha256).HasMaxLength(64);
        builder.Property(l => l.Warnings).HasJsonbConversion();
        builder.HasMany(l => l.Categories).WithOne().HasForeignKey(c => c.TaskListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Tasks)
            .WithOne(t => t.TaskList)
            .HasForeignKey(t => t.TaskListId)
            .OnDelete(DeleteBehavior.Cascade);

        // Version numbers of a district's year are unique once published; drafts are all version 0.
        builder.HasIndex(l => new { l.TenantId, l.Year, l.Version }).IsUnique().HasFilter("\"Version\" > 0");
    }
}
