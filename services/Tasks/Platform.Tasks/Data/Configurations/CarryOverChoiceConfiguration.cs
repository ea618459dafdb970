using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class CarryOverChoiceConfiguration : IEntityTypeConfiguration<CarryOverChoice>
{
    public void Configure(EntityTypeBuilder<CarryOverChoice> builder)
    {
        builder.ToTable("carry_over_choices");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(CarryOverChoice.MaxReasonLength);
        builder.Property(c => c.DecidedBy).HasMaxLength(200);
        builder.HasOne<TaskList>().WithMany().HasForeignKey(c => c.TaskListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CarryOverCandidate>().WithMany().HasForeignKey(c => c.FromTaskId);

        // One decision per unfinished task and draft; two decisions racing for it end in one.
        builder.HasIndex(c => new { c.TaskListId, c.FromTaskId }).IsUnique();
    }
}
