using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data.Configurations;

internal sealed class TaskSignatureConfiguration : IEntityTypeConfiguration<TaskSignature>
{
    public void Configure(EntityTypeBuilder<TaskSignature> builder)
    {
        builder.ToTable("task_signatures");
        builder.HasKey(s => s.Id);

        // One signature per lead unit: a unit that signs twice at the same moment is refused by the database.
        builder.HasIndex(s => new { s.TaskItemId, s.UnitId }).IsUnique();
    }
}
