using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data.Configurations;

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> builder)
    {
        builder.ToTable("supervision_notices");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(16);
        builder.Property(s => s.Period).HasMaxLength(7);
        // One 督办单 per unit and month: a second ladder writing the same one at once fails and retries.
        builder.HasIndex(s => new { s.TenantId, s.UnitId, s.Period }).IsUnique();
    }
}
