using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Units.Domain;

namespace Platform.Units.Data;

public sealed class UnitsDbContext(DbContextOptions<UnitsDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UnitsDbContext).Assembly);
    }
}
