using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class TaskLightConfiguration : IEntityTypeConfiguration<TaskLight>
{
    public void Configure(EntityTypeBuilder<TaskLight> builder)
    {
        builder.ToTable("task_lights");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Light).HasConversion<string>().HasMaxLength(8);
        builder.Property(l => l.ReportStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.SelfStatus).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(l => new { l.TaskId, l.Period, l.LeadUnitId }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.Period, l.Light });
        builder.HasIndex(l => new { l.Period, l.TenantId });
    }
}
