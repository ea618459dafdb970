using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Data.Configurations;

internal sealed class ReceivedNoticeConfiguration : IEntityTypeConfiguration<ReceivedNotice>
{
    public void Configure(EntityTypeBuilder<ReceivedNotice> builder)
    {
        builder.ToTable("received_notices");

        // The notice's own key: a second delivery of the same notice finds it, or fails on it, and is not counted.
        builder.HasKey(n => new { n.TenantId, n.NoticeId });
        builder.HasIndex(n => new { n.TenantId, n.Period });
    }
}
