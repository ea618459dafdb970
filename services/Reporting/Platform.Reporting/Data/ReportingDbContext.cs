using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<TrackedTask> Tasks => Set<TrackedTask>();

    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();

    public DbSet<ProgressReport> Reports => Set<ProgressReport>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<TaskLight> Lights => Set<TaskLight>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<ReportingSettings> Settings => Set<ReportingSettings>();

    public DbSet<TaskRequest> Requests => Set<TaskRequest>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<ComparableTarget> ComparableTargets => Set<ComparableTarget>();

    public DbSet<TenantTotals> TenantTotals => Set<TenantTotals>();

    public DbSet<DivisionRollup> Rollups => Set<DivisionRollup>();

    public DbSet<ViewStamp> ViewStamps => Set<ViewStamp>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUnitMerges();
        modelBuilder.AddUnitNames();

        // The changes an entity records are handed to the unit of work, never stored as they are.
        modelBuilder.Ignore<DomainChange>();

        modelBuilder.Entity<TrackedTask>(b =>
        {
            b.ToTable("tracked_tasks");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Targets).HasJsonbConversion();
            b.HasIndex(t => new { t.TenantId, t.Year, t.Active });
        });

        modelBuilder.Entity<ReportingPeriod>(b =>
        {
            b.ToTable("periods");
            b.HasKey(p => p.Id);
            b.Ignore(p => p.Key);
            b.HasIndex(p => new { p.TaskListId, p.Year, p.Month }).IsUnique();
        });

        modelBuilder.Entity<ProgressReport>(b =>
        {
            b.ToTable("reports");
            b.HasKey(r => r.Id);
            b.Property(r => r.Period).HasMaxLength(7);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.SelfStatus).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasIndex(r => new { r.TaskId, r.Period, r.LeadUnitId }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.Period, r.Status });
        });

        modelBuilder.Entity<TaskLight>(b =>
        {
            b.ToTable("task_lights");
            b.HasKey(l => l.Id);
            b.Property(l => l.Light).HasConversion<string>().HasMaxLength(8);
            b.Property(l => l.ReportStatus).HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.SelfStatus).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(l => new { l.TaskId, l.Period, l.LeadUnitId }).IsUnique();
            b.HasIndex(l => new { l.TenantId, l.Period, l.Light });
            b.HasIndex(l => new { l.Period, l.TenantId });
        });

        modelBuilder.Entity<District>(b =>
        {
            b.ToTable("districts");
            b.HasKey(d => d.TenantId);
            b.Property(d => d.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<ReportingSettings>(b =>
        {
            b.ToTable("reporting_settings");
            b.HasKey(s => s.TenantId);
        });

        modelBuilder.Entity<ComparableTarget>(b =>
        {
            b.ToTable("comparable_targets");
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.Year, c.Indicator });
            b.HasIndex(c => c.TaskId);
            b.Ignore(c => c.LowerIsBetter);
            b.HasIndex(c => new { c.TenantId, c.Year }).HasFilter("\"Best\"");
        });

        // Written by PostgreSQL (a trigger on task_lights, migration DivisionTotals) and by the roll-up, never by EF.
        modelBuilder.Entity<TenantTotals>(b =>
        {
            b.ToTable("tenant_totals");
            b.HasKey(t => new { t.TenantId, t.Period, t.Dimension, t.Key });
            b.Property(t => t.Period).HasMaxLength(7);
            b.Property(t => t.Dimension).HasMaxLength(16);
            b.HasIndex(t => t.Stale).HasFilter("\"Stale\"");
        });

        modelBuilder.Entity<DivisionRollup>(b =>
        {
            b.ToTable("division_rollups");
            b.HasKey(r => new { r.TenantId, r.Period, r.Dimension, r.Key });
            b.Property(r => r.Period).HasMaxLength(7);
            b.Property(r => r.Dimension).HasMaxLength(16);
        });

        modelBuilder.Entity<ViewStamp>(b =>
        {
            b.ToTable("view_stamps");
            b.HasKey(s => new { s.TenantId, s.Period });
            b.Property(s => s.Period).HasMaxLength(7);
        });

        modelBuilder.Entity<TaskRequest>(b =>
        {
            b.ToTable("task_requests");
            b.HasKey(r => r.Id);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Reason).HasMaxLength(TaskRequest.MaxTextLength);
            // One pending request of each kind per task.
            b.HasIndex(r => new { r.TaskId, r.Kind }).IsUnique().HasFilter("\"Status\" = 'Pending'");
            b.HasIndex(r => new { r.TenantId, r.Status });
        });

        modelBuilder.Entity<Contribution>(b =>
        {
            b.ToTable("contributions");
            b.HasKey(c => c.Id);
            b.Property(c => c.Period).HasMaxLength(7);
            b.Property(c => c.Text).HasMaxLength(Contribution.MaxTextLength);
            b.HasIndex(c => new { c.TaskId, c.Period, c.UnitId }).IsUnique();
        });

        modelBuilder.Entity<Evidence>(b =>
        {
            b.ToTable("evidence");
            b.HasKey(e => e.Id);
            b.Property(e => e.FileName).HasMaxLength(200);
            b.Property(e => e.ContentType).HasMaxLength(100);
            b.Property(e => e.Sha256).HasMaxLength(64);
            b.HasIndex(e => e.TaskId);
        });

        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(a => a.Id);
            b.Property(a => a.Before).HasColumnType("jsonb");
            b.Property(a => a.After).HasColumnType("jsonb");
            b.HasIndex(a => new { a.TaskId, a.At });
        });
    }
}
