using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.MultiTenancy;

public static class TenantDbContextExtensions
{
    /// <summary>
    /// How many statements each of a service's pooled connections keeps prepared (the most used ones).
    /// </summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// Registers the service's DbContext on the application's role ("Database" connection string) with the tenant put
    /// on every connection, signed with the context key ("Database:ContextKey"; the host does not start without it).
    /// That role owns nothing, so row-level security applies to it, and it cannot sign a context by itself.
    /// </summary>
    /// <remarks>
    /// The statements a service runs again and again are prepared on each pooled connection and stay prepared while it
    /// goes back to the pool and out again (<see cref="AutoPreparedStatements"/> of them, unless the connection string
    /// sets Max Auto Prepare), so PostgreSQL plans each once per connection instead of at every run: under the
    /// row-level security policies a plan costs about as much as running the statement. The pool's reset still clears
    /// the session's settings, and the tenant context is signed again at every open.
    /// </remarks>
    public static WebApplicationBuilder AddTenantDbContext<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        var prepared = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepared.MaxAutoPrepare == 0)
        {
            prepared.MaxAutoPrepare = AutoPreparedStatements;
        }

        builder.Services.AddTenantConnections(TenantContextKey.FromConfiguration(builder.Configuration));
        builder.Services.AddDbContext<TContext>((sp, o) => o
            .UseNpgsql(prepared.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<TenantConnectionInterceptor>())
            .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "database");
        return builder;
    }
}
