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
    /// Registers the service's DbContext on the application's role ("Database" connection string) with the tenant put
    /// on every connection. That role owns nothing, so row-level security applies to it.
    /// </summary>
    public static WebApplicationBuilder AddTenantDbContext<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        builder.Services.AddDbContext<TContext>((sp, o) => o
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetRequiredService<TenantConnectionInterceptor>())
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>()));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "database");
        return builder;
    }

    /// <summary>
    /// Applies migrations as the owner role ("DatabaseOwner"; falls back to "Database" when the two are the same role)
    /// and grants the application's role what it needs on the tables, before the host starts serving.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var configuration = app.Configuration;
        var appConnection = configuration.GetConnectionString("Database")!;
        var ownerConnection = configuration.GetConnectionString("DatabaseOwner") ?? appConnection;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Migrations");

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetSystem();
        var appDb = scope.ServiceProvider.GetRequiredService<TContext>();
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql(ownerConnection).Options;
        await using var ownerDb = (TContext)ActivatorUtilities.CreateInstance(scope.ServiceProvider, typeof(TContext), options);

        var pending = (await ownerDb.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await ownerDb.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Applied {Count} migrations to {Database}: {Migrations}", pending.Count, ownerDb.Database.GetDbConnection().Database, string.Join(", ", pending));
        }

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
                $"REVOKE ALL ON TABLE \"__EFMigrationsHistory\" FROM {role};",
                cancellationToken);
#pragma warning restore EF1002, EF1003
        }

        // Proves at start-up that the application's role can reach its database, with the tenant interceptor in place.
        await appDb.Database.CanConnectAsync(cancellationToken);
    }
}
