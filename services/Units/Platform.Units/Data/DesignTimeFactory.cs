using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.Units.Data;

/// <summary>For `dotnet ef migrations add`: a model without a live tenant or database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<UnitsDbContext>
{
    public UnitsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UnitsDbContext>().UseNpgsql("Host=localhost;Database=duban_units").Options, new TenantContext());
}
