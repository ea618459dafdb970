using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> builder)
    {
        builder.ToTable("sign_in_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Outcome).HasMaxLength(32);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(RefreshToken.MaxUserAgentLength);
        builder.HasIndex(e => new { e.AccountId, e.At });
    }
}
