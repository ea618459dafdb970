using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class SignInAttemptsConfiguration : IEntityTypeConfiguration<SignInAttempts>
{
    public void Configure(EntityTypeBuilder<SignInAttempts> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Username);
        builder.Property(a => a.Username).HasMaxLength(64);
        builder.HasIndex(a => a.LastFailedAt);
    }
}
