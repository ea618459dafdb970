using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Username).HasMaxLength(64);
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.PasswordHash).HasMaxLength(256);
        builder.Property(a => a.Email).HasMaxLength(Account.MaxEmailLength);
        builder.Property(a => a.Mobile).HasMaxLength(Account.MaxMobileLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Username).IsUnique();
        builder.HasIndex(a => a.TokensValidAfter).HasFilter("\"TokensValidAfter\" IS NOT NULL");
    }
}
