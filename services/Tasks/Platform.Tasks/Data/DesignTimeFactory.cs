using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.Tasks.Data;

/// <summary>For `dotnet ef migrations add`: a model without a live tenant or database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TasksDbContext>
{
    public TasksDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TasksDbContext>().UseNpgsql("Host=localhost;Database=duban_tasks").Options, new TenantContext());
}
