using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data.Configurations;

internal sealed class PublicPageConfiguration : IEntityTypeConfiguration<PublicPage>
{
    public void Configure(EntityTypeBuilder<PublicPage> builder)
    {
        builder.ToTable("public_pages");
        builder.HasKey(p => p.TenantId);
        builder.Property(p => p.Summary).HasMaxLength(PublicPage.MaxSummaryLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
