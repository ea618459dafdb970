using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;

namespace Platform.Tasks.Data;

/// <summary>The tasks service's database. It holds only the outbox and inbox until the service gets its domain.</summary>
public sealed class TasksDbContext(DbContextOptions<TasksDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
