using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data;

public sealed class TasksDbContext(DbContextOptions<TasksDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<TaskList> TaskLists => Set<TaskList>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<TaskItem> Tasks => Set<TaskItem>();

    public DbSet<TaskUnit> TaskUnits => Set<TaskUnit>();

    public DbSet<TaskSignature> Signatures => Set<TaskSignature>();

    public DbSet<KnownUnit> KnownUnits => Set<KnownUnit>();

    public DbSet<CarryOverCandidate> CarryOverCandidates => Set<CarryOverCandidate>();

    public DbSet<CarryOverChoice> CarryOverChoices => Set<CarryOverChoice>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        // One configuration per entity, in Data/Configurations.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TasksDbContext).Assembly);
    }
}
