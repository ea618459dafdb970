using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.AccountId);
        builder.HasIndex(t => t.EndedAt).HasFilter("\"EndedAt\" IS NOT NULL");
        builder.Property(t => t.ClientAddress).HasMaxLength(64);
        builder.Property(t => t.UserAgent).HasMaxLength(RefreshToken.MaxUserAgentLength);
    }
}
