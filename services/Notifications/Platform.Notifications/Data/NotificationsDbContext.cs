using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<OwedReport> OwedReports => Set<OwedReport>();

    public DbSet<ReportState> ReportStates => Set<ReportState>();

    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<Preference> Preferences => Set<Preference>();

    public DbSet<CompletionState> CompletionStates => Set<CompletionState>();

    public DbSet<AssessmentState> AssessmentStates => Set<AssessmentState>();

    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUnitMerges();
        modelBuilder.AddUnitNames();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}
