using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Data;

public static class MigrationExtensions
{
    /// <summary>
    /// The number of statements each pooled connection keeps prepared; it belongs to the registration.
    /// </summary>
    public const int AutoPreparedStatements = TenantDbContextExtensions.AutoPreparedStatements;

    /// <summary>
    /// Applies migrations as the owner role ("DatabaseOwner"; falls back to "Database" when the two are the same role),
    /// stores the context key where only the owner can read it, and grants the application's role what it needs on
    /// the tables, before the host starts serving. Then proves that the application's role gets a signed context
    /// accepted, so a key that differs from the database's fails the start rather than every later query.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(
        this WebApplication app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var configuration = app.Configuration;
        var appConnection = configuration.GetConnectionString("Database")!;
        var ownerConnection = configuration.GetConnectionString("DatabaseOwner") ?? appConnection;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Migrations");

        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>()
            .AsSystem("migrations and the start-up check");
        var appDb = scope.ServiceProvider.GetRequiredService<TContext>();
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql(ownerConnection).Options;
        await using var ownerDb = (TContext)ActivatorUtilities.CreateInstance(
            scope.ServiceProvider, typeof(TContext), options);

        var pending = (await ownerDb.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await ownerDb.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation(
                "Applied {Count} migrations to {Database}: {Migrations}",
                pending.Count,
                ownerDb.Database.GetDbConnection().Database,
                string.Join(", ", pending));
        }

        await app.Services.GetRequiredService<TenantContextKey>()
            .StoreAsync(ownerDb.Database.GetDbConnection(), cancellationToken);

        var appRole = new NpgsqlConnectionStringBuilder(appConnection).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnection).Username;
        if (!string.IsNullOrEmpty(appRole) && appRole != ownerRole)
        {
            var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
#pragma warning disable EF1002, EF1003 // The role name is quoted as an identifier; it cannot be a parameter in GRANT.
            await ownerDb.Database.ExecuteSqlRawAsync(
                $"GRANT USAGE ON SCHEMA public TO {role}; " +
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}; " +
                $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}; " +
                $"REVOKE ALL ON TABLE \"__EFMigrationsHistory\" FROM {role}; " +
                // The key's schema stays closed to the application, whatever was granted by hand before.
                $"REVOKE ALL ON ALL TABLES IN SCHEMA tenant_context FROM {role}; " +
                $"REVOKE ALL ON SCHEMA tenant_context FROM {role};",
                cancellationToken);
#pragma warning restore EF1002, EF1003
        }
        else
        {
            logger.LogWarning(
                "The application and the migrations use the same database role ({Role}): it can read the context " +
                "key, so row-level security does not hold against its credential. Configure " +
                "ConnectionStrings:DatabaseOwner with a separate owner role.",
                appRole);
        }

        // Proves at start-up that the application's role reaches its database with the interceptor in place and that
        // the database accepts this process's signature (the key it stores is ours).
        bool accepted;
        try
        {
            accepted = await appDb.Database.SqlQueryRaw<bool>("SELECT public.app_context_ok() AS \"Value\"")
                .SingleAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                $"The database {ownerDb.Database.GetDbConnection().Database} refuses this service's signed tenant " +
                "context: another " +
                $"instance has stored a different {TenantContextKey.ConfigurationKey}. Every replica of a service " +
                "needs the same key.",
                ex);
        }

        if (!accepted)
        {
            throw new InvalidOperationException($"{typeof(TContext).Name} opens connections without the signed " +
                "tenant context; register it with AddTenantDbContext.");
        }
    }
}
