using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Platform.MultiTenancy;

/// <summary>
/// Base of every service's DbContext: each <see cref="ITenantEntity"/> gets the named query filter
/// <see cref="TenantFilter"/>, the <see cref="TenantReadRule"/>. PostgreSQL's row-level security enforces the same
/// rule underneath.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options)
{
    public const string TenantFilter = "Tenant";

    public ITenantContext Tenant { get; } = tenant;

    // EF evaluates these per query because they are members of the context.
    protected string? CurrentTenantId => Tenant.TenantId;

    protected string? CurrentReadPrefix => Tenant.ReadPrefix;

    protected bool IsSystemScope => Tenant.IsSystem;

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConfigureModel(modelBuilder);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ITenantEntity).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                typeof(TenantDbContext)
                    .GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType)
                    .Invoke(this, [modelBuilder]);
            }
        }
    }

    /// <summary>The service's own model; tenant filters and the tenant column are added after it.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantEntity
    {
        var row = Expression.Parameter(typeof(TEntity), "e");
        var context = Expression.Constant(this, typeof(TenantDbContext));
        var filter = Expression.Lambda<Func<TEntity, bool>>(
            TenantReadRule.Apply(
                Expression.Property(context, nameof(IsSystemScope)),
                Expression.Property(context, nameof(CurrentTenantId)),
                Expression.Property(context, nameof(CurrentReadPrefix)),
                Expression.Property(row, typeof(ITenantEntity).GetProperty(nameof(ITenantEntity.TenantId))!)),
            row);
        var entity = modelBuilder.Entity<TEntity>();
        entity.HasQueryFilter(TenantFilter, filter);
        // Row-level security policies name this column.
        entity.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(16).IsRequired();
    }
}
