using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<OwedReport> OwedReports => Set<OwedReport>();

    public DbSet<ReportState> ReportStates => Set<ReportState>();

    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<Preference> Preferences => Set<Preference>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUnitMerges();
        modelBuilder.AddUnitNames();

        modelBuilder.Entity<Recipient>(b =>
        {
            b.ToTable("recipients");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Email).HasMaxLength(254);
            b.Property(r => r.Mobile).HasMaxLength(20);
            b.HasIndex(r => new { r.TenantId, r.UnitId });
        });

        modelBuilder.Entity<OwedReport>(b =>
        {
            b.ToTable("owed_reports");
            b.HasKey(o => o.Id);
            b.Property(o => o.Period).HasMaxLength(7);
            b.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(o => new { o.TaskId, o.Period, o.LeadUnitId }).IsUnique();
            b.HasIndex(o => new { o.DueOn, o.State, o.Active });
            b.Property(o => o.ReportVersion).IsConcurrencyToken();
        });

        modelBuilder.Entity<ReportState>(b =>
        {
            b.ToTable("report_states");
            b.HasKey(r => new { r.TaskId, r.Period, r.LeadUnitId });
            b.Property(r => r.TenantId).HasMaxLength(16);
            b.Property(r => r.Period).HasMaxLength(7);
            b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            // Two events of one report applied at once (they come on different queues): the second to commit fails
            // and is retried against the first's result instead of overwriting it.
            b.Property(r => r.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<NotificationSettings>(b =>
        {
            b.ToTable("notification_settings");
            b.HasKey(s => s.TenantId);
        });

        modelBuilder.Entity<Delivery>(b =>
        {
            b.ToTable("deliveries");
            b.HasKey(d => d.Id);
            b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.Target).HasMaxLength(300);
            b.Property(d => d.CauseKey).HasMaxLength(260);
            b.HasIndex(d => new { d.Channel, d.Target, d.CauseKey }).IsUnique();
            b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });

        modelBuilder.Entity<WebhookSubscription>(b =>
        {
            b.ToTable("webhook_subscriptions");
            b.HasKey(w => w.Id);
            b.Property(w => w.Id).ValueGeneratedNever();
            b.Property(w => w.Url).HasMaxLength(2000);
            b.HasIndex(w => new { w.TenantId, w.Active });
        });

        modelBuilder.Entity<Preference>(b =>
        {
            b.ToTable("preferences");
            b.HasKey(p => p.RecipientId);
            b.Property(p => p.Email).HasMaxLength(254);
        });

        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("notifications");
            b.HasKey(n => n.Id);
            b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
            b.Property(n => n.CauseKey).HasMaxLength(200);
            b.Property(n => n.Title).HasMaxLength(200);
            b.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
            // Exactly once: one notification per person and cause, whatever is redelivered or recomputed.
            b.HasIndex(n => new { n.RecipientId, n.CauseKey }).IsUnique();
            b.HasIndex(n => new { n.RecipientId, n.ReadAt, n.Id });
        });
    }
}
