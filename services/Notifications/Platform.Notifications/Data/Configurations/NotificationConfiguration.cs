using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.CauseKey).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        // Exactly once: one notification per person and cause, whatever is redelivered or recomputed.
        builder.HasIndex(n => new { n.RecipientId, n.CauseKey }).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.Id });
    }
}
