using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.MultiTenancy;

/// <summary>
/// For `dotnet ef migrations add`: builds a service's context without a live tenant or database. Each service
/// declares a one-line subclass, because EF looks for the factory in the service's own assembly.
/// </summary>
public abstract class TenantDesignTimeFactory<TContext>(string database) : IDesignTimeDbContextFactory<TContext>
    where TContext : TenantDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql($"Host=localhost;Database={database}").Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options, new TenantContext())!;
    }
}
