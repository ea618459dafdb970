using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Data;

public sealed class TasksDbContext(DbContextOptions<TasksDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<TaskList> TaskLists => Set<TaskList>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<TaskItem> Tasks => Set<TaskItem>();

    public DbSet<TaskUnit> TaskUnits => Set<TaskUnit>();

    public DbSet<TaskSignature> Signatures => Set<TaskSignature>();

    public DbSet<KnownUnit> KnownUnits => Set<KnownUnit>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<TaskList>(b =>
        {
            b.ToTable("task_lists");
            b.HasKey(l => l.Id);
            b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.SourceFileName).HasMaxLength(260);
            b.Property(l => l.SourceSha256).HasMaxLength(64);
            b.Property(l => l.Warnings).HasJsonbConversion();
            b.HasMany(l => l.Categories).WithOne().HasForeignKey(c => c.TaskListId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(l => l.Tasks).WithOne(t => t.TaskList).HasForeignKey(t => t.TaskListId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(l => new { l.TenantId, l.Year, l.Version }).IsUnique().HasFilter("\"Version\" > 0");
        });

        modelBuilder.Entity<Category>(b =>
        {
            b.ToTable("categories");
            b.HasKey(c => c.Id);
        });

        modelBuilder.Entity<TaskItem>(b =>
        {
            b.ToTable("tasks");
            b.HasKey(t => t.Id);
            b.Property(t => t.Targets).HasJsonbConversion();
            b.Ignore(t => t.Leads);
            b.Ignore(t => t.Responsible);
            b.HasMany(t => t.Units).WithOne().HasForeignKey(u => u.TaskItemId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(t => t.Signatures).WithOne().HasForeignKey(s => s.TaskItemId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(t => new { t.TaskListId, t.Number }).IsUnique();
        });

        modelBuilder.Entity<KnownUnit>(b =>
        {
            b.ToTable("known_units");
            b.HasKey(u => u.UnitId);
            b.Property(u => u.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<TaskUnit>(b =>
        {
            b.ToTable("task_units");
            b.HasKey(u => u.Id);
            b.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
            b.Property(u => u.PrintedName).HasMaxLength(200);
            b.HasIndex(u => u.UnitId);
        });

        modelBuilder.Entity<TaskSignature>(b =>
        {
            b.ToTable("task_signatures");
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.TaskItemId, s.UnitId }).IsUnique();
        });
    }
}
