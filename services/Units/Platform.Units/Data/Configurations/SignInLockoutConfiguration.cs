using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<SignInLockout>
{
    public void Configure(EntityTypeBuilder<SignInLockout> builder)
    {
        builder.ToTable("sign_in_lockouts");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Username).HasMaxLength(64);
        builder.Property(l => l.ClientAddress).HasMaxLength(64);
        builder.HasIndex(l => new { l.TenantId, l.LockedAt });
    }
}
