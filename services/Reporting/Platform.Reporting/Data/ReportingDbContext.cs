using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Reporting.Domain;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
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

    public DbSet<CompletionReport> CompletionReports => Set<CompletionReport>();

    public DbSet<ClosingYear> ClosingYears => Set<ClosingYear>();

    public DbSet<AssessmentRuleSet> AssessmentRuleSets => Set<AssessmentRuleSet>();

    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();

    public DbSet<YearAssessment> YearAssessments => Set<YearAssessment>();

    public DbSet<ReceivedNotice> ReceivedNotices => Set<ReceivedNotice>();

    public DbSet<PublicPage> PublicPages => Set<PublicPage>();

    public DbSet<PublicTaskStatus> PublicTaskStatuses => Set<PublicTaskStatus>();

    public DbSet<PublicFeedEntry> PublicFeed => Set<PublicFeedEntry>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUnitMerges();
        modelBuilder.AddUnitNames();

        // The changes an entity records are handed to the unit of work, never stored as they are.
        modelBuilder.Ignore<DomainChange>();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}
