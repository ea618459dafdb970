using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Units.Domain;

namespace Platform.Units.Data;

public sealed class UnitsDbContext(DbContextOptions<UnitsDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountAuditEntry> AccountAudit => Set<AccountAuditEntry>();

    public DbSet<UnitAuditEntry> UnitAudit => Set<UnitAuditEntry>();

    public DbSet<UnitAssignment> UnitAssignments => Set<UnitAssignment>();

    public DbSet<IntegrationClient> Clients => Set<IntegrationClient>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SignInAttempts> SignInAttempts => Set<SignInAttempts>();

    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();

    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<TenantRecord>(b =>
        {
            b.ToTable("tenants");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).HasMaxLength(6);
            b.Property(t => t.Name).HasMaxLength(TenantRecord.MaxNameLength);
            b.Property(t => t.ParentId).HasMaxLength(6);
            b.Property(t => t.Level).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(t => t.ParentId);
        });

        modelBuilder.Entity<Unit>(b =>
        {
            b.ToTable("units");
            b.HasKey(u => u.Id);
            b.Property(u => u.Name).HasMaxLength(UnitNames.MaxLength);
            b.Property(u => u.NormalizedName).HasMaxLength(UnitNames.MaxLength);
            b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(u => u.Version).IsConcurrencyToken();
            b.HasIndex(u => new { u.TenantId, u.NormalizedName }).IsUnique();
            b.HasMany(u => u.Aliases).WithOne().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(u => u.Aliases).HasField("aliases").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<UnitAlias>(b =>
        {
            b.ToTable("unit_aliases");
            b.HasKey(a => a.Id);
            b.Property(a => a.Alias).HasMaxLength(UnitNames.MaxLength);
            b.Property(a => a.NormalizedAlias).HasMaxLength(UnitNames.MaxLength);
            b.HasIndex(a => new { a.TenantId, a.NormalizedAlias }).IsUnique();
        });

        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("accounts");
            b.HasKey(a => a.Id);
            b.Property(a => a.Username).HasMaxLength(64);
            b.Property(a => a.DisplayName).HasMaxLength(100);
            b.Property(a => a.PasswordHash).HasMaxLength(256);
            b.Property(a => a.Email).HasMaxLength(Account.MaxEmailLength);
            b.Property(a => a.Mobile).HasMaxLength(Account.MaxMobileLength);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasIndex(a => a.Username).IsUnique();
            b.HasIndex(a => a.TokensValidAfter).HasFilter("\"TokensValidAfter\" IS NOT NULL");
        });

        modelBuilder.Entity<AccountAuditEntry>(b =>
        {
            b.ToTable("account_audit");
            b.HasKey(a => a.Id);
            b.Property(a => a.Action).HasMaxLength(32);
            b.Property(a => a.Actor).HasMaxLength(128);
            b.Property(a => a.Before).HasColumnType("jsonb");
            b.Property(a => a.After).HasColumnType("jsonb");
            b.HasIndex(a => new { a.TenantId, a.At });
            b.HasIndex(a => a.AccountId);
        });

        modelBuilder.Entity<UnitAuditEntry>(b =>
        {
            b.ToTable("unit_audit");
            b.HasKey(a => a.Id);
            b.Property(a => a.Action).HasMaxLength(32);
            b.Property(a => a.Actor).HasMaxLength(128);
            b.Property(a => a.Before).HasColumnType("jsonb");
            b.Property(a => a.After).HasColumnType("jsonb");
            b.HasIndex(a => new { a.TenantId, a.At });
            b.HasIndex(a => a.UnitId);
        });

        modelBuilder.Entity<UnitAssignment>(b =>
        {
            b.ToTable("unit_assignments");
            b.HasKey(a => a.Id);
            b.Property(a => a.Number).HasMaxLength(32);
            b.Property(a => a.Text).HasMaxLength(UnitAssignment.MaxTextLength);
            b.HasIndex(a => new { a.TenantId, a.Year });
            b.HasIndex(a => new { a.UnitId, a.Year });
        });

        modelBuilder.Entity<IntegrationClient>(b =>
        {
            b.ToTable("clients");
            b.HasKey(c => c.ClientId);
            b.Property(c => c.ClientId).HasMaxLength(64);
            b.Property(c => c.DisplayName).HasMaxLength(100);
            b.Property(c => c.SecretHash).HasMaxLength(256);
        });

        modelBuilder.Entity<RefreshToken>(b =>
        {
            b.ToTable("refresh_tokens");
            b.HasKey(t => t.TokenHash);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.AccountId);
            b.HasIndex(t => t.EndedAt).HasFilter("\"EndedAt\" IS NOT NULL");
            b.Property(t => t.ClientAddress).HasMaxLength(64);
            b.Property(t => t.UserAgent).HasMaxLength(RefreshToken.MaxUserAgentLength);
        });

        modelBuilder.Entity<SignInAttempts>(b =>
        {
            b.ToTable("sign_in_attempts");
            b.HasKey(a => a.Username);
            b.Property(a => a.Username).HasMaxLength(64);
            b.HasIndex(a => a.LastFailedAt);
        });

        modelBuilder.Entity<SignInLockout>(b =>
        {
            b.ToTable("sign_in_lockouts");
            b.HasKey(l => l.Id);
            b.Property(l => l.Username).HasMaxLength(64);
            b.Property(l => l.ClientAddress).HasMaxLength(64);
            b.HasIndex(l => new { l.TenantId, l.LockedAt });
        });

        modelBuilder.Entity<SignInEvent>(b =>
        {
            b.ToTable("sign_in_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Outcome).HasMaxLength(32);
            b.Property(e => e.ClientAddress).HasMaxLength(64);
            b.Property(e => e.UserAgent).HasMaxLength(RefreshToken.MaxUserAgentLength);
            b.HasIndex(e => new { e.AccountId, e.At });
        });
    }
}
