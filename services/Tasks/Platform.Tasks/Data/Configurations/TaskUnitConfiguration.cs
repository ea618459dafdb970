using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class TaskUnitConfiguration : IEntityTypeConfiguration<TaskUnit>
{
    public void Configure(EntityTypeBuilder<TaskUnit> builder)
    {
        builder.ToTable("task_units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.PrintedName).HasMaxLength(200);
        builder.HasIndex(u => u.UnitId);
    }
}
