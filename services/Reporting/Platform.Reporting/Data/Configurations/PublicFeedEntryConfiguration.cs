using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class PublicFeedEntryConfiguration : IEntityTypeConfiguration<PublicFeedEntry>
{
    public void Configure(EntityTypeBuilder<PublicFeedEntry> builder)
    {
        builder.ToTable("public_feed_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.TaskNumber).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.At });
    }
}
